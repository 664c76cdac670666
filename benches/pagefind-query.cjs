// node benches/pagefind-query.cjs NODE_MODULES SITE_DIR QUERY...
// Bytes one query downloads with Pagefind, in headless Chromium on loopback: for each query a
// fresh page loads pagefind.js, searches, and loads the first six results' data (what a results
// page shows). Prints one line a query: the bytes of index data (.pf_*), of code (js, wasm),
// and the number of results. Used by benches/pagefind.sh.
'use strict';
const path = require('node:path');
const { serve, BROWSER_ARGS } = require('../tests/browser/serve.cjs');
const { chromium } = require(path.join(path.resolve(process.argv[2]), 'playwright-core'));
const root = path.resolve(process.argv[3]);
const queries = process.argv.slice(4);

(async () => {
  const server = await serve(root, '/');
  const site = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BROWSER_ARGS });
  for (const q of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let data = 0, code = 0;
    page.on('response', async (r) => {
      const url = r.url();
      if (!url.includes('/pagefind/')) return;
      const body = await r.body().catch(() => Buffer.alloc(0));
      if (/\.pf_/.test(url)) data += body.length; else code += body.length;
    });
    await page.goto(`${site}pagefind/pagefind.js`);
    const found = await page.evaluate(async (query) => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const r = await pf.search(query);
      await Promise.all(r.results.slice(0, 6).map((x) => x.data()));
      return r.results.length;
    }, q);
    await page.waitForTimeout(200);
    console.log(`${q}\t${data}\t${code}\t${found}`);
    await context.close();
  }
  await browser.close();
  server.close();
})().catch((e) => { console.error(e); process.exit(1); });
