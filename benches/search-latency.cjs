// [SITE_URL=http://127.0.0.1:PORT/] node benches/search-latency.cjs NODE_MODULES PUBLIC_DIR [QUERY...]
// Query latency and bytes downloaded in headless Chromium, the site served on loopback:
// - "fresh page": a new browser profile opens /search/, then a query is typed (the first query
//   also fetches the manifest);
// - "shared link": a new profile opens /search/?q=... (navigation start to results shown);
// - "later": further queries on the same page (PASSES passes, default 3, each on a fresh page
//   after one query);
// - "typed by key": the query typed a key every 80 ms, then Enter (the page fetches what the
//   query needs while it is typed), on a fresh page and on a page that has run others;
// - "pasted, Enter later": the query pasted in (the input event of a paste), Enter PAUSE ms
//   later (default 300), on a page that has run others.
// Latency is measured in the page, from submit to the six results shown (data-ms); results
// appear best first as their documents arrive, and data-first is when the first one did.
// CPU_SLOWDOWN=4 runs every page with its processor slowed down that many times (Chromium's
// own throttling, as Lighthouse does for a mid-range phone): what a resident's cheap phone
// waits for the page's own work.
'use strict';
const path = require('node:path');
const { serve, BROWSER_ARGS } = require('../tests/browser/serve.cjs');
const { chromium } = require(path.join(path.resolve(process.argv[2]), 'playwright-core'));
const root = path.resolve(process.argv[3]);
const PASSES = Number(process.env.PASSES || 3);
const PAUSE = Number(process.env.PAUSE || 300);
const CPU_SLOWDOWN = Number(process.env.CPU_SLOWDOWN || 1);

// A page in `ctx`, its processor slowed down by CPU_SLOWDOWN.
async function newPage(ctx) {
  const page = await ctx.newPage();
  if (CPU_SLOWDOWN > 1) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  return page;
}
const queries = process.argv.length > 4 ? process.argv.slice(4) : [
  'ถนนคอนกรีต', 'ราคากลาง', 'ผลประโยชน์ทับซ้อน', 'ร้องเรียน ช่องทาง', 'คุณธรรม จริยธรรม',
  'สินบน', '๑๒๓๔/๒๕๖๖', 'ฉบับที่ 777', 'ผู้มีส่วนได้ส่วนเสีย', 'เทศบาลตำบลตัวอย่าง',
];

const searchBytes = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => e.name.includes('/search/'))
  .reduce((a, e) => a + (e.encodedBodySize || e.transferSize || 0), 0));

// Submits `q`: pasted at once (`delay` 0) or typed a key every `delay` ms, as people type,
// which lets the page fetch the query's shards while it is being typed.
// The end is awaited by a MutationObserver on the page's state, which costs the page nothing
// while it searches (waitForSelector polls on every animation frame).
async function typed(page, q, delay = 0, pause = 0) {
  await page.evaluate(() => {
    performance.clearResourceTimings();
    const root = document.getElementById('search');
    root.setAttribute('data-state', 'waiting');
    window.searchEnded = new Promise((resolve) => {
      const watch = new MutationObserver(() => {
        const state = root.getAttribute('data-state');
        if (state === 'done' || state === 'error') { watch.disconnect(); resolve(state); }
      });
      watch.observe(root, { attributes: true, attributeFilter: ['data-state'] });
    });
  });
  if (delay) {
    await page.fill('#search-q', '');
    await page.type('#search-q', q, { delay });
  } else if (pause) {
    await page.evaluate((text) => {
      const box = document.getElementById('search-q');
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', data: text, bubbles: true }));
    }, q);
    await page.waitForTimeout(pause);
  } else {
    await page.fill('#search-q', q);
  }
  await page.press('#search-q', 'Enter');
  const state = await page.evaluate(() => window.searchEnded);
  if (state !== 'done') throw new Error(`${q}: the search ended in ${state}`);
  const ms = Number(await page.getAttribute('#search', 'data-ms'));
  const first = Number(await page.getAttribute('#search', 'data-first'));
  const status = await page.textContent('#search-status');
  const timing = await page.getAttribute('#search', 'data-timing');
  return { ms, first, bytes: await searchBytes(page), status: `[${timing}] ${status}` };
}

(async () => {
  // SITE_URL: the site already served (by a web server, as a host would); otherwise the
  // test helper serves it.
  const server = process.env.SITE_URL ? null : await serve(root, '/');
  const site = process.env.SITE_URL || `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BROWSER_ARGS });
  const rows = [];
  for (const q of queries) {
    // A fresh profile each time: nothing cached.
    const ctx = await browser.newContext();
    const page = await newPage(ctx);
    await page.goto(`${site}search/`, { waitUntil: 'load' });
    const first = await typed(page, q);
    rows.push({ kind: 'fresh page, pasted', q, ...first });
    await ctx.close();
    const ctx2 = await browser.newContext();
    const page2 = await newPage(ctx2);
    await page2.goto(`${site}search/?q=${encodeURIComponent(q)}`);
    await page2.waitForSelector('#search[data-state="done"]', { timeout: 30000 });
    // data-at: when the page showed the results, in ms from navigation start (reading the
    // clock here instead would add the time Playwright takes to notice).
    const nav = Number(await page2.getAttribute('#search', 'data-at'));
    rows.push({ kind: 'shared link (from navigation)', q, ms: Math.round(nav), bytes: await searchBytes(page2), status: await page2.textContent('#search-status') });
    await ctx2.close();
  }
  // Later queries on one page, in PASSES passes (a fresh page each) as single runs vary.
  for (let pass = 0; pass < PASSES; pass++) {
    const ctx = await browser.newContext();
    const page = await newPage(ctx);
    await page.goto(`${site}search/`, { waitUntil: 'load' });
    await typed(page, 'เทศบาล');
    for (const q of queries) rows.push({ kind: 'later, same page', q, ...(await typed(page, q)) });
    if (pass === 0) for (const q of queries) rows.push({ kind: 'repeated, same page', q, ...(await typed(page, q)) });
    await ctx.close();
  }
  // Later queries typed key by key, on a page that has run others.
  const ctx3 = await browser.newContext();
  const page3 = await newPage(ctx3);
  await page3.goto(`${site}search/`, { waitUntil: 'load' });
  await typed(page3, 'เทศบาล');
  for (const q of queries) rows.push({ kind: 'later, typed by key', q, ...(await typed(page3, q, 80)) });
  await ctx3.close();
  // Pasted on a page that has run others, Enter a moment later.
  const ctx4 = await browser.newContext();
  const page4 = await newPage(ctx4);
  await page4.goto(`${site}search/`, { waitUntil: 'load' });
  await typed(page4, 'เทศบาล');
  for (const q of queries) rows.push({ kind: 'later, pasted, Enter later', q, ...(await typed(page4, q, 0, PAUSE)) });
  await ctx4.close();
  // Typed key by key on a fresh page.
  for (const q of queries) {
    const c = await browser.newContext();
    const p = await newPage(c);
    await p.goto(`${site}search/`, { waitUntil: 'load' });
    rows.push({ kind: 'fresh page, typed by key', q, ...(await typed(p, q, 80)) });
    await c.close();
  }
  await browser.close();
  if (server) server.close();

  for (const r of rows) {
    console.log(`${r.kind.padEnd(30)} ${r.q.padEnd(22)} ${String(r.ms).padStart(5)} ms ${String(Math.round(r.bytes / 1024)).padStart(5)} KB  ${r.status.slice(0, 50)}`);
  }
  const stat = (kind, field = 'ms') => {
    const xs = rows.filter((r) => r.kind === kind);
    const ms = xs.map((r) => r[field]).sort((a, b) => a - b);
    const kb = xs.map((r) => r.bytes / 1024).sort((a, b) => a - b);
    return { median: ms[Math.floor(ms.length / 2)], p90: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.9))], max: ms[ms.length - 1], n: ms.length, kbMax: Math.round(kb[kb.length - 1]), kbMedian: Math.round(kb[Math.floor(kb.length / 2)]) };
  };
  if (CPU_SLOWDOWN > 1) console.log(`every page's processor slowed down ${CPU_SLOWDOWN} times (the targets are for none)`);
  const f = stat('fresh page, pasted'), s = stat('shared link (from navigation)');
  const l = stat('later, same page'), rep = stat('repeated, same page');
  const k = stat('fresh page, typed by key');
  console.log(`first query typed key by key (80 ms a key) on a fresh page: median ${k.median} ms, max ${k.max} ms after Enter`);
  const lk = stat('later, typed by key');
  console.log(`later queries typed key by key: median ${lk.median} ms, max ${lk.max} ms after Enter`);
  const lp = stat('later, pasted, Enter later');
  console.log(`later queries pasted, Enter ${PAUSE} ms later: median ${lp.median} ms, max ${lp.max} ms after Enter`);
  console.log(`first query on a fresh page: median ${f.median} ms, max ${f.max} ms (target < 300) ${f.max < 300 ? 'ok' : 'OVER'}`);
  console.log(`shared link, navigation to results: median ${s.median} ms, max ${s.max} ms`);
  console.log(`later queries (${l.n}: ${PASSES} passes of ${queries.length}): median ${l.median} ms, 90th percentile ${l.p90} ms, max ${l.max} ms (target < 50) ${l.max < 50 ? 'ok' : 'OVER'}; repeated: max ${rep.max} ms`);
  const lf = stat('later, same page', 'first');
  console.log(`  the first result on screen: median ${lf.median} ms, 90th percentile ${lf.p90} ms, max ${lf.max} ms`);
  for (const q of queries) {
    const xs = rows.filter((r) => r.kind === 'later, same page' && r.q === q);
    console.log(`  later ${q.padEnd(22)} ${xs.map((r) => r.ms).join(' ')} ms (first result ${xs.map((r) => r.first).join(' ')})`);
  }
  console.log(`bytes one query downloads (fresh page): median ${f.kbMedian} KB, max ${f.kbMax} KB (target < 500) ${f.kbMax < 500 ? 'ok' : 'OVER'}`);
})().catch((e) => { console.error(e); process.exit(1); });
