// [SITE_URL=http://127.0.0.1:PORT/] node benches/search-main-thread.cjs NODE_MODULES PUBLIC_DIR [QUERY...]
// What a later pasted query costs the page's main thread, from Chromium's own timeline
// (headless, the site served on loopback): for each query, on a page that has run one query
// before, the time the main thread was busy from Enter to the results shown, how many times
// the page was laid out and painted meanwhile, and the query's own latency (data-ms).
// PASSES passes (default 5), a fresh page each; prints each query's medians and all queries'.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { serve, BROWSER_ARGS } = require('../tests/browser/serve.cjs');
const { chromium } = require(path.join(path.resolve(process.argv[2]), 'playwright-core'));
const root = path.resolve(process.argv[3]);
const PASSES = Number(process.env.PASSES || 5);
const queries = process.argv.length > 4 ? process.argv.slice(4) : ['ถนนคอนกรีต', 'ร้องเรียน ช่องทาง', 'ราคากลาง'];

// The main thread's tasks, layouts and paints between the marks `go` and `done`.
function measure(file) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const events = Array.isArray(data) ? data : data.traceEvents;
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const at = (name) => events.find((e) => e.name === name && e.cat && e.cat.includes('blink.user_timing'));
  const go = at('go'), done = at('done');
  if (!go || !done) throw new Error('the marks are missing from the trace');
  const main = events.filter((e) => names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X'
    && e.ts >= go.ts && e.ts <= done.ts);
  // Tasks run within others (a nested run loop) are counted once, with the outer.
  let busy = 0, end = -1;
  for (const e of main.filter((x) => x.name === 'RunTask').sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    busy += (e.dur || 0) / 1000;
    end = e.ts + (e.dur || 0);
  }
  return {
    busy,
    layouts: main.filter((e) => e.name === 'Layout').length,
    paints: main.filter((e) => e.name === 'Paint').length,
  };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

(async () => {
  // SITE_URL: the site already served (by a web server, as a host would); otherwise the test
  // helper serves it.
  const server = process.env.SITE_URL ? null : await serve(root, '/');
  const site = process.env.SITE_URL || `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BROWSER_ARGS });
  const trace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-trace-')), 'trace.json');
  const rows = [];
  try {
    for (let pass = 0; pass < PASSES; pass++) {
      const page = await browser.newPage();
      await page.goto(`${site}search/`, { waitUntil: 'load' });
      await page.fill('#search-q', 'เทศบาล');
      await page.press('#search-q', 'Enter');
      await page.waitForSelector('#search[data-state="done"]');
      for (const q of queries) {
        // The end is awaited by a MutationObserver on the page's state: waitForSelector would
        // check the element's visibility on every animation frame, laying the page out
        // meanwhile, which is Playwright's work, not the page's.
        await page.evaluate(() => {
          const s = document.getElementById('search');
          s.setAttribute('data-state', 'waiting');
          s.addEventListener('search:done', () => performance.mark('done'), { once: true });
          window.searchEnded = new Promise((resolve) => {
            const watch = new MutationObserver(() => {
              if (s.getAttribute('data-state') === 'done') { watch.disconnect(); resolve(); }
            });
            watch.observe(s, { attributes: true, attributeFilter: ['data-state'] });
          });
        });
        await page.fill('#search-q', q);
        await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
        await page.evaluate(() => performance.mark('go'));
        await page.press('#search-q', 'Enter');
        await page.evaluate(() => window.searchEnded);
        await browser.stopTracing();
        const ms = Number(await page.getAttribute('#search', 'data-ms'));
        rows.push({ q, ms, ...measure(trace) });
      }
      await page.close();
    }
  } finally {
    fs.rmSync(path.dirname(trace), { recursive: true, force: true });
    await browser.close();
    if (server) server.close();
  }
  const line = (label, xs) => console.log(`${label.padEnd(22)} main thread busy ${median(xs.map((r) => r.busy)).toFixed(1)} ms, `
    + `layouts ${median(xs.map((r) => r.layouts))}, paints ${median(xs.map((r) => r.paints))}, `
    + `latency ${median(xs.map((r) => r.ms))} ms (medians of ${xs.length})`);
  for (const q of queries) line(q, rows.filter((r) => r.q === q));
  line('all', rows);
})().catch((e) => { console.error(e); process.exit(1); });
