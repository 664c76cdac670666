// node tests/browser/hostile.cjs NODE_MODULES PUBLIC_DIR
// A site built from hostile content, read in headless Chromium: every page that embeds
// JSON-LD shows its heading and its main content (text such as "<!--<script>" in the site's
// name must not swallow the rest of the page), and no script of the content ever runs; markup
// in an announcement's title (the one CI gives it) reaches a search result as text.
// Prints one line a page and "N passed, N failed" last; exits 1 on any failure.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { serve, BROWSER_ARGS } = require('./serve.cjs');
const { chromium } = require(path.join(path.resolve(process.argv[2]), 'playwright-core'));
const root = path.resolve(process.argv[3]);

function pages(dir = root, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...pages(path.join(dir, e.name), `${rel}${e.name}/`));
    else if (e.name === 'index.html' && fs.readFileSync(path.join(dir, e.name), 'utf8').includes('application/ld+json')) out.push(rel);
  }
  return out.sort();
}

(async () => {
  const server = await serve(root, '/');
  const site = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BROWSER_ARGS });
  const page = await browser.newPage();
  let ran = false;
  await page.exposeFunction('__hostileRan', () => { ran = true; });
  page.on('dialog', async (d) => { ran = true; await d.dismiss(); });
  let passed = 0, failed = 0;
  const list = pages();
  if (list.length === 0) { console.log('FAIL no page embeds JSON-LD'); process.exit(1); }
  for (const rel of list) {
    await page.goto(site + rel);
    const shown = await page.evaluate(() => {
      const h1 = document.querySelector('main h1');
      const main = document.querySelector('main');
      return {
        h1: h1 ? h1.getBoundingClientRect().height > 0 && h1.textContent.trim().length > 0 : false,
        main: main ? main.innerText.trim().length : 0,
      };
    });
    if (shown.h1 && shown.main > 20 && !ran) { passed++; console.log(`ok   ${rel}`); }
    else { failed++; console.log(`FAIL ${rel}: heading ${shown.h1}, main text ${shown.main} characters, script ran ${ran}`); }
  }
  // The search renders results from the index: the title's markup is shown, not made.
  const q = 'รายงานผลการดำเนินงาน ตัวหนา';
  await page.goto(`${site}search/?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('#search[data-state="done"]');
  const hit = await page.evaluate(() => ({
    titles: Array.from(document.querySelectorAll('#search-results li h2 a')).map((a) => a.textContent),
    made: document.querySelectorAll('#search-results img, #search-results b, #search-results script').length,
  }));
  const literal = '<img src=x onerror=__hostileRan()> <b>ตัวหนา</b> & "คำพูด"';
  if (hit.titles.some((t) => t.includes(literal)) && hit.made === 0 && !ran) { passed++; console.log(`ok   search/?q=${q}`); }
  else { failed++; console.log(`FAIL search/?q=${q}: titles ${JSON.stringify(hit.titles.slice(0, 3))}, elements made ${hit.made}, script ran ${ran}`); }
  await browser.close();
  server.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
