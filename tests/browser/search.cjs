// node tests/browser/search.cjs NODE_MODULES PUBLIC_DIR [BASE_PATH]
// The search as a resident uses it, in headless Chromium: type a query, see the expected first
// result; open a shared link; use the header form; filter; follow a result to its row.
// Prints one line a check and "N passed, N failed" last; exits 1 on any failure.
'use strict';
const path = require('node:path');
const { serve, BROWSER_ARGS } = require('./serve.cjs');
const { chromium } = require(path.join(path.resolve(process.argv[2]), 'playwright-core'));
const root = path.resolve(process.argv[3]);
const base = process.argv[4] || '/';

(async () => {
  const server = await serve(root, base);
  const site = `http://127.0.0.1:${server.address().port}${base}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BROWSER_ARGS });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The page's icon, which the browser fetches again after each change of address, is let go
  // when a check moves on to another page: not a failure of the site.
  const leftBehind = (r) => r.failure()?.errorText === 'net::ERR_ABORTED' && new URL(r.url()).pathname.endsWith('/static/favicon.svg');
  page.on('requestfailed', (r) => { if (!leftBehind(r)) errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`); });
  let passed = 0, failed = 0;
  const check = async (name, fn) => {
    try { await fn(); passed++; console.log(`ok   ${name}`); }
    catch (e) { failed++; console.log(`FAIL ${name}: ${String(e).split('\n')[0]}`); }
  };
  const done = () => page.waitForSelector('#search[data-state="done"]', { timeout: 10000 });
  // Before a search the page is already done with: `done` then waits for the new one.
  const waiting = () => page.evaluate(() => document.getElementById('search').setAttribute('data-state', 'waiting'));
  const firstTitle = () => page.textContent('#search-results li:first-child h2 a');
  const expect = (cond, msg) => { if (!cond) throw new Error(msg); };

  await check('typing a query shows the expected first result', async () => {
    await page.goto(`${site}search/`);
    await page.fill('#search-q', 'ถนน คสล');
    await page.press('#search-q', 'Enter');
    await done();
    const title = await firstTitle();
    expect(title.includes('ถนนคอนกรีตเสริมเหล็ก'), `first result: ${title}`);
    expect(page.url().includes('?q='), `the query is in the address: ${page.url()}`);
    const status = await page.textContent('#search-status');
    expect(/พบ \d+ รายการ/.test(status), `status: ${status}`);
    expect(await page.evaluate(() => document.activeElement.id) === 'search-q', 'focus stays in the box');
  });

  await check('a shared link runs its query, marks the words', async () => {
    await page.goto(`${site}search/?q=${encodeURIComponent('ร้านตัวอย่างพาณิชย์')}`);
    await done();
    expect((await firstTitle()).includes('จัดซื้อวัสดุสำนักงาน'), 'first result');
    const marked = await page.textContent('#search-results li:first-child mark');
    expect(marked === 'ร้านตัวอย่างพาณิชย์', `marked: ${marked}`);
    expect(await page.inputValue('#search-q') === 'ร้านตัวอย่างพาณิชย์', 'the box shows the query');
  });

  await check('words typed together but apart in the text are found apart, and the page says so', async () => {
    await page.goto(`${site}search/?q=${encodeURIComponent('โต๊ะเก้าอี้')}`);
    await done();
    const status = await page.textContent('#search-status');
    expect(status.includes('ที่เขียนติดกัน') && status.includes('พบ 2 รายการ'), `status: ${status}`);
    expect((await firstTitle()).includes('โต๊ะและเก้าอี้'), 'first result');
    const marked = await page.$$eval('#search-results li:first-child h2 mark', (ms) => ms.map((m) => m.textContent));
    expect(marked.includes('โต๊ะ') && marked.includes('เก้าอี้'), `marked: ${marked}`);
  });

  await check('a misspelt word is offered the spelling the site has; taking it searches', async () => {
    await page.goto(`${site}search/`);
    await page.fill('#search-q', 'เทสบาล');
    await page.press('#search-q', 'Enter');
    await done();
    const status = await page.textContent('#search-status');
    expect(status.includes('หมายถึง “เทศบาล” ใช่ไหม'), `status: ${status}`);
    await waiting();
    await page.click('#search-status a');
    await done();
    expect(new URL(page.url()).searchParams.get('q') === 'เทศบาล', page.url());
    expect(await page.inputValue('#search-q') === 'เทศบาล', 'the box shows the spelling taken');
    expect(await page.evaluate(() => document.activeElement.id) === 'search-q', 'focus is in the box');
    expect((await page.$$('#search-results > li')).length === 6, 'results');
  });

  await check('nothing found and no spelling to offer: the page points to the information centre', async () => {
    await page.goto(`${site}search/?q=${encodeURIComponent('ไม่มีคำนี้แน่นอนครับ')}`);
    await done();
    expect((await page.$$('#search-results > li')).length === 0, 'no results');
    const href = await page.getAttribute('#search-status a', 'href');
    expect(href === `${base}section9/`, `link: ${href}`);
  });

  await check('no result holds every word: those with most of them come first, the missing word is named', async () => {
    await page.goto(`${site}search/?q=${encodeURIComponent('ขออนุญาตก่อสร้างสระว่ายน้ำ')}`);
    await done();
    const status = await page.textContent('#search-status');
    expect(status.includes('ไม่มีรายการที่มีครบทุกคำ') && status.includes('ไม่พบคำว่า “สระว่ายน้ำ”'), `status: ${status}`);
    const n = (await page.$$('#search-results > li')).length;
    expect(n > 0, 'results listed');
    // The letters of the missing word are not marked wherever they occur.
    const marked = await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent));
    expect(marked.length > 0 && marked.every((m) => m.length > 1 && !'สระว่ายน้ำ'.includes(m)), `marked: ${marked}`);
  });

  await check('a word the site lacks beside one it has: results for the one, the other named', async () => {
    await page.goto(`${site}search/?q=${encodeURIComponent('คู่มือ xyzzy')}`);
    await done();
    const status = await page.textContent('#search-status');
    expect(status.includes('ไม่พบคำว่า “xyzzy”'), `status: ${status}`);
    expect((await firstTitle()).includes('คู่มือ'), 'first result');
  });

  await check('each query goes in the history once shown: Back shows the one before', async () => {
    await page.goto(`${site}search/`);
    const submit = async (q) => {
      await waiting();
      await page.fill('#search-q', q);
      await page.press('#search-q', 'Enter');
      await done();
    };
    await submit('ถนน คสล');
    await submit('ศาลาประชาคม');
    expect(new URL(page.url()).searchParams.get('q') === 'ศาลาประชาคม', page.url());
    await waiting();
    await page.goBack();
    await done();
    expect(new URL(page.url()).searchParams.get('q') === 'ถนน คสล', `back to ${page.url()}`);
    expect(await page.inputValue('#search-q') === 'ถนน คสล', 'the box shows the query before');
    expect((await firstTitle()).includes('ถนนคอนกรีตเสริมเหล็ก'), 'and its results');
    await page.goBack();
    expect(new URL(page.url()).search === '', `back to the empty page: ${page.url()}`);
  });

  await check('a pasted query fetches its first results before Enter; Enter needs no request', async () => {
    await page.goto(`${site}search/`);
    await page.fill('#search-q', 'เทศบาล');
    await page.press('#search-q', 'Enter');
    await done();
    await waiting();
    // The index's requests the paste starts, until every one has come.
    const pending = new Set();
    let documents = 0;
    const started = (r) => {
      if (!r.url().includes('/search/')) return;
      pending.add(r);
      if (/\/search\/d\/\d+\.json/.test(r.url())) documents++;
    };
    const ended = (r) => pending.delete(r);
    page.on('request', started);
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
    await page.evaluate(() => {
      const box = document.getElementById('search-q');
      box.value = 'ถนน คสล';
      box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', data: 'ถนน คสล', bubbles: true }));
    });
    for (const t0 = Date.now(); !(documents > 0 && pending.size === 0);) {
      expect(Date.now() - t0 < 5000, `before Enter: ${documents} document files asked for, ${pending.size} requests open`);
      await new Promise((r) => setTimeout(r, 20));
    }
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
    const after = [];
    const note = (r) => { if (r.url().includes('/search/')) after.push(r.url()); };
    page.on('request', note);
    await page.press('#search-q', 'Enter');
    await done();
    page.off('request', note);
    expect((await firstTitle()).includes('ถนนคอนกรีตเสริมเหล็ก'), 'first result');
    expect(after.length === 0, `requests after Enter: ${after.join(' ')}`);
  });

  await check('Thai digits with commas find the amount', async () => {
    await page.goto(`${site}search/?q=${encodeURIComponent('๑,๘๕๐,๐๐๐')}`);
    await done();
    expect((await page.$$('#search-results > li')).length === 3, 'three records');
  });

  await check('the header form is a plain GET to the search page', async () => {
    await page.goto(site);
    await page.fill('#site-search-q', 'ศาลาประชาคม');
    await Promise.all([page.waitForNavigation(), page.press('#site-search-q', 'Enter')]);
    await done();
    expect(new URL(page.url()).pathname === `${base}search/`, page.url());
    expect((await firstTitle()).includes('ศาลาประชาคม'), 'first result');
  });

  await check('filters narrow the results and live in the address', async () => {
    await page.goto(`${site}search/?q=${encodeURIComponent('คอนกรีต')}`);
    await done();
    await page.selectOption('#search-type', 'reference-prices');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'reference-prices');
    await done();
    const n = (await page.$$('#search-results > li')).length;
    expect(n === 1, `${n} results`);
  });

  await check('results come six at a time; "more" adds six and moves focus to them', async () => {
    await page.goto(`${site}search/?q=${encodeURIComponent('โครงการ')}`);
    await done();
    const items = () => page.$$eval('#search-results > li h2 a', (as) => as.map((a) => a.textContent));
    const six = await items();
    expect(six.length === 6, `${six.length} results at first`);
    expect(await page.getAttribute('#search-results', 'aria-busy') === null, 'the list is not busy');
    expect(await page.isVisible('#search-more'), 'the more button shows');
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 12);
    const twelve = await items();
    expect(twelve.slice(0, 6).join('|') === six.join('|'), 'the first six stay in order');
    const focused = await page.evaluate(() => document.activeElement.closest('li') === document.querySelectorAll('#search-results > li')[6]);
    expect(focused, 'focus is on the seventh result');
    expect(/แสดง 12 จาก \d+ รายการ/.test(await page.textContent('#search-status')), 'the status says how many are shown');
  });

  await check('the old results stay as they are while a search is quick; a slow one marks them busy', async () => {
    const slow = await browser.newPage();
    try {
      await slow.goto(`${site}search/?q=${encodeURIComponent('โครงการ')}`);
      await slow.waitForSelector('#search[data-state="done"]', { timeout: 10000 });
      const before = await slow.textContent('#search-status');
      // The lists of the next query take a second to come.
      await slow.route('**/search/p/**', async (route) => {
        await new Promise((r) => setTimeout(r, 1000));
        await route.continue();
      });
      await slow.fill('#search-q', 'ศาลาประชาคม');
      await slow.press('#search-q', 'Enter');
      await slow.waitForTimeout(100);
      const state = () => slow.evaluate(() => ({
        busy: document.getElementById('search-results').getAttribute('aria-busy'),
        more: document.getElementById('search-more').hidden,
        status: document.getElementById('search-status').textContent,
      }));
      let now = await state();
      expect(now.busy === null && !now.more && now.status === before, `at first: ${JSON.stringify(now)}`);
      await slow.waitForTimeout(400);
      now = await state();
      expect(now.busy === 'true' && now.status === 'กำลังค้นหา…', `after 500 ms: ${JSON.stringify(now)}`);
      await slow.waitForSelector('#search[data-state="done"]', { timeout: 10000 });
      now = await state();
      expect(now.busy === null && now.more && now.status.includes('ศาลาประชาคม'), `at the end: ${JSON.stringify(now)}`);
    } finally {
      await slow.close();
    }
  });

  await check('a file that does not come is reported, not taken for "nothing found"; trying again works', async () => {
    // A page of its own: its failed requests are meant.
    const flaky = await browser.newPage();
    try {
      await flaky.goto(`${site}search/`);
      await flaky.route('**/search/p/**', (route) => route.abort('connectionreset'));
      await flaky.fill('#search-q', 'ศาลาประชาคม');
      await flaky.press('#search-q', 'Enter');
      await flaky.waitForSelector('#search[data-state="error"]', { timeout: 10000 });
      const said = await flaky.textContent('#search-status');
      expect(said.includes('ค้นหาไม่ได้ในขณะนี้'), `status: ${said}`);
      expect((await flaky.$$('#search-results > li')).length === 0, 'no results listed');
      await flaky.unroute('**/search/p/**');
      await flaky.press('#search-q', 'Enter');
      await flaky.waitForSelector('#search[data-state="done"]', { timeout: 10000 });
      const title = await flaky.textContent('#search-results li:first-child h2 a');
      expect(title.includes('ศาลาประชาคม'), `first result after retrying: ${title}`);
    } finally {
      await flaky.close();
    }
  });

  await check('an index of another layout loads the page again once, then says what to do', async () => {
    const other = await browser.newPage();
    let loads = 0;
    other.on('load', () => { loads++; });
    try {
      // The host's index of a layout this script does not read (a page and script kept by
      // the browser from before the site was updated).
      await other.route('**/search/manifest.json*', async (route) => {
        const response = await route.fetch();
        const manifest = await response.json();
        manifest.version = 99;
        await route.fulfill({ response, json: manifest });
      });
      await other.goto(`${site}search/?q=${encodeURIComponent('ศาลาประชาคม')}`);
      for (let i = 0; i < 100 && loads < 2; i++) await other.waitForTimeout(50);
      expect(loads === 2, `loaded ${loads} times`);
      await other.waitForSelector('#search[data-state="error"]', { timeout: 10000 });
      const said = await other.textContent('#search-status');
      expect(said.includes('ค้นหาไม่ได้ในขณะนี้') && said.includes('รุ่น 99'), `status: ${said}`);
      await other.waitForTimeout(500);
      expect(loads === 2, `loaded ${loads} times: again and again`);
      // The host's index and the page agree again: the search works (and may load again
      // on a later mismatch).
      await other.unroute('**/search/manifest.json*');
      await other.reload();
      await other.waitForSelector('#search[data-state="done"]', { timeout: 10000 });
      expect(await other.evaluate(() => sessionStorage.length) === 0, 'the reload is forgotten');
    } finally {
      await other.close();
    }
  });

  await check('a result leads to its row', async () => {
    await page.goto(`${site}search/?q=66-002`);
    await done();
    const href = await page.getAttribute('#search-results li:first-child h2 a', 'href');
    expect(href.startsWith(base), `under the base path: ${href}`);
    await page.click('#search-results li:first-child h2 a');
    await page.waitForLoadState('load');
    const id = new URL(page.url()).hash.slice(1);
    expect(id === 'item-66-002' && await page.$(`[id="${id}"]`), `landed on ${page.url()}`);
  });

  await check('no script errors, no failed requests', async () => {
    expect(errors.length === 0, errors.join('; '));
  });

  await browser.close();
  server.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); console.log('0 passed, 1 failed'); process.exit(1); });
