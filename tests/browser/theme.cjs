// node tests/browser/theme.cjs NODE_MODULES PUBLIC_DIR [BASE_PATH]
// The default theme as a resident uses it, in headless Chromium (the Debian package) driven by
// playwright-core: the paths from the home page to a measure, to a month's procurement result and
// its plan item, from an announcement to its attachment; the menu by keyboard alone at phone and
// desktop widths; no page wider than the screen at 320, 360 and 1280 px; nothing fetched from
// another host; print hiding the navigation and printing one สขร.1 month alone.
// Prints one line a check and "N passed, N failed" last; exits 1 on any failure.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { serve, BROWSER_ARGS } = require('./serve.cjs');
const { chromium } = require(path.join(path.resolve(process.argv[2]), 'playwright-core'));
const root = path.resolve(process.argv[3] || 'public');
const base = process.argv[4] || '/';

// Every page of the site, as paths under the base (`measures/2566/`).
function pages(dir = root, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...pages(path.join(dir, e.name), `${rel}${e.name}/`));
    else if (e.name === 'index.html') out.push(rel);
  }
  return out.sort();
}

const THAI = '๐๑๒๓๔๕๖๗๘๙';
const arabic = (s) => s.replace(/[๐-๙]/g, (d) => String(THAI.indexOf(d)));

(async () => {
  const server = await serve(root, base);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const site = `${origin}${base}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: BROWSER_ARGS,
  });
  const problems = [];
  const open = async (width, height = 800) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`script error: ${e}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`fetched from another host: ${r.url()}`);
    });
    return page;
  };
  const phone = await open(360, 740);
  const desktop = await open(1280, 900);

  let passed = 0, failed = 0;
  const check = async (name, fn) => {
    try { await fn(); passed++; console.log(`ok   ${name}`); }
    catch (e) { failed++; console.log(`FAIL ${name}: ${String(e).split('\n')[0]}`); }
  };
  const expect = (cond, msg) => { if (!cond) throw new Error(msg); };
  const inView = (page, selector) => page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth + 1 && r.top < innerHeight && r.bottom > 0;
  });
  const focused = (page) => page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute('href'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      inMain: !!el.closest('main'), inMenu: !!el.closest('.menu') };
  });
  // Follows the link named `name` (the whole of its text) inside `scope`.
  const follow = async (page, scope, name) => {
    const link = page.locator(`${scope} a`).filter({ hasText: name }).first();
    await Promise.all([page.waitForLoadState('load'), link.click()]);
  };

  await check('home → measures → a method (phone, menu opened by tap)', async () => {
    await phone.goto(site);
    expect(!(await phone.isVisible('.menu ul a')), 'the menu is closed at first on a phone');
    await phone.click('.menu > summary');
    expect(await phone.isVisible('.menu ul a'), 'the menu opens');
    await follow(phone, '.menu', 'มาตรการคุณธรรมและความโปร่งใส');
    expect(/\/measures\/\d{4}\/$/.test(phone.url()), `on ${phone.url()}`);
    expect((await phone.textContent('h1')).includes('มาตรการ'), 'the measures page');
    const method = '#measure-1 .methods li';
    await phone.locator(method).first().scrollIntoViewIfNeeded();
    expect(await inView(phone, method), 'the first method of measure 1 is on screen, within its width');
    const label = await phone.$eval('#measure-1 td[data-label]', (td) => getComputedStyle(td, '::before').content);
    expect(label.includes('วิธีการดำเนินงาน'), `the stacked row names its column: ${label}`);
  });

  await check('home → procurement → a month\'s result → its plan item', async () => {
    await desktop.goto(site);
    await follow(desktop, '.menu', 'การจัดซื้อจัดจ้าง');
    expect(desktop.url().endsWith('/procurement/'), `on ${desktop.url()}`);
    await follow(desktop, 'main', 'สรุปผลการจัดซื้อจัดจ้างรายเดือน');
    expect(/\/procurement\/results\/\d{4}\/$/.test(desktop.url()), `on ${desktop.url()}`);
    // The month whose first result comes from the plan.
    const month = await desktop.$eval('section.month-published:has(.links a[href*="#item-"])', (s) => s.id || s.getAttribute('aria-labelledby'));
    await desktop.click(`.toc a[href="#${month}"]`);
    expect(desktop.url().endsWith(`#${month}`), `the month's link: ${desktop.url()}`);
    expect(await inView(desktop, `#${month}`), 'the month heading is on screen');
    const row = desktop.locator(`section[aria-labelledby="${month}"] tr:has(.links a[href*="#item-"])`).first();
    const result = (await row.locator('th').first().textContent()).trim();
    const planLink = row.locator('.links a[href*="#item-"]').first();
    const item = (await planLink.getAttribute('href')).split('#')[1];
    await Promise.all([desktop.waitForLoadState('load'), planLink.click()]);
    expect(desktop.url().includes('/procurement/plans/') && desktop.url().endsWith(`#${item}`), `on ${desktop.url()}`);
    expect(await inView(desktop, `#${item}`), 'the plan item is on screen');
    const planned = (await desktop.textContent(`#${item} th`)).trim();
    const words = (s) => s.replace(/\s+/g, '').slice(0, 12);
    expect(words(result).startsWith(words(planned).slice(0, 8)) || words(planned).startsWith(words(result).slice(0, 8)),
      `the plan item is the one procured: "${planned}" for "${result}"`);
  });

  await check('an announcement → its attachment, announced with type and size', async () => {
    await desktop.goto(`${site}announcements/`);
    // The first announcement that has an attachment.
    let found = false;
    for (const href of await desktop.$$eval('main .doc-list a', (as) => as.map((a) => a.href))) {
      await desktop.goto(href);
      if (await desktop.$('.attachments a')) { found = true; break; }
    }
    expect(found, 'an announcement with an attachment');
    const link = desktop.locator('.attachments li > a').first();
    const text = arabic((await link.textContent()).replace(/\s+/g, ' ').trim());
    const m = text.match(/\(ไฟล์ ([A-Z0-9]+) ขนาด ([\d.]+) (B|KB|MB)\)$/);
    expect(m, `the link names type and size: ${text}`);
    const response = await desktop.request.get(new URL(await link.getAttribute('href'), desktop.url()).href);
    expect(response.ok(), `HTTP ${response.status()}`);
    const body = await response.body();
    const unit = { B: 1, KB: 1024, MB: 1024 * 1024 }[m[3]];
    const slack = m[3] === 'B' ? 0 : 0.051; // one decimal, rounded
    expect(Math.abs(body.length / unit - Number(m[2])) <= slack, `size ${body.length} bytes as stated ${m[2]} ${m[3]}`);
    if (m[1] === 'PDF') expect(body.subarray(0, 5).toString() === '%PDF-', 'a PDF');
  });

  await check('keyboard only on a phone: skip link, menu button, a menu link', async () => {
    await phone.goto(`${site}measures/`);
    await phone.keyboard.press('Tab');
    let f = await focused(phone);
    expect(f.href === '#main' && f.outline, `first Tab: the skip link, outlined (${JSON.stringify(f)})`);
    expect(await inView(phone, '.skip'), 'the skip link shows when focused');
    await phone.keyboard.press('Enter');
    await phone.keyboard.press('Tab');
    f = await focused(phone);
    expect(f.inMain, `after the skip link, Tab goes into the content (${JSON.stringify(f)})`);

    await phone.goto(`${site}measures/`);
    await phone.keyboard.press('Tab'); // skip link
    await phone.keyboard.press('Tab'); // site name
    await phone.keyboard.press('Tab'); // menu button
    f = await focused(phone);
    expect(f.tag === 'SUMMARY' && f.outline, `third Tab: the menu button (${JSON.stringify(f)})`);
    await phone.keyboard.press('Enter');
    expect(await phone.$eval('.menu', (d) => d.open), 'Enter opens the menu');
    let steps = 0;
    do {
      await phone.keyboard.press('Tab');
      f = await focused(phone);
    } while (f.inMenu && f.text !== 'การจัดซื้อจัดจ้าง' && ++steps < 30);
    expect(f.text === 'การจัดซื้อจัดจ้าง' && f.outline, `Tab reaches the procurement link (${JSON.stringify(f)})`);
    await Promise.all([phone.waitForURL(/\/procurement\/$/), phone.keyboard.press('Enter')]);
    expect(phone.url().endsWith('/procurement/'), `Enter follows it: ${phone.url()}`);
  });

  await check('keyboard only on a desktop: the menu is a plain list of links', async () => {
    await desktop.goto(`${site}measures/`);
    expect(!(await desktop.isVisible('.menu > summary')), 'no menu button on a wide screen');
    expect(await desktop.isVisible('.menu ul a'), 'the links show without opening anything');
    await desktop.keyboard.press('Tab');
    await desktop.keyboard.press('Tab');
    await desktop.keyboard.press('Tab');
    let f = await focused(desktop);
    expect(f.inMenu && f.tag === 'A' && f.outline, `third Tab: the first menu link (${JSON.stringify(f)})`);
    const seen = [f.text];
    for (let i = 0; i < 30; i++) {
      await desktop.keyboard.press('Tab');
      f = await focused(desktop);
      if (!f.inMenu) break;
      seen.push(f.text);
    }
    const all = await desktop.$$eval('.menu ul a', (as) => as.map((a) => a.textContent.trim()));
    expect(JSON.stringify(seen) === JSON.stringify(all), `Tab visits every menu link in order: ${seen.join(' | ')}`);
  });

  const list = pages();
  for (const [width, page] of [[320, await open(320, 640)], [360, phone], [1280, desktop]]) {
    await check(`no page is wider than a ${width} px screen (${list.length} pages)`, async () => {
      const wide = [];
      for (const rel of list) {
        await page.goto(`${site}${rel}`);
        if (width < 700) await page.$eval('.menu', (d) => { d.open = true; });
        const [scroll, inner] = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
        if (scroll > inner) wide.push(`${rel || '/'} (${scroll} px)`);
      }
      expect(wide.length === 0, `wider than the screen: ${wide.join(', ')}`);
    });
  }

  await check('wide tables scroll in their own region, the row\'s name kept in view', async () => {
    await phone.goto(`${site}${list.find((p) => /^procurement\/plans\/\d{4}\/$/.test(p))}`);
    const region = '.table-scroll.sticky-2';
    const before = await phone.$eval(`${region} tbody tr:first-child th`, (th) => th.getBoundingClientRect().left);
    const scrolled = await phone.$eval(region, (r) => { r.scrollLeft = 400; return r.scrollLeft; });
    expect(scrolled > 0, 'the region scrolls');
    const after = await phone.$eval(`${region} tbody tr:first-child th`, (th) => th.getBoundingClientRect().left);
    const left = await phone.$eval(region, (r) => r.getBoundingClientRect().left);
    expect(Math.abs(after - left) < 2 && after < before, `the item's name sticks at the left edge (${before} → ${after}, region at ${left})`);
  });

  await check('print: no navigation; a month\'s link prints that month alone', async () => {
    const results = list.find((p) => /^procurement\/results\/\d{4}\/$/.test(p));
    await desktop.goto(`${site}${results}`);
    const month = await desktop.$eval('section.month-published', (s) => s.getAttribute('aria-labelledby'));
    await desktop.goto(`${site}${results}#${month}`);
    await desktop.emulateMedia({ media: 'print' });
    const shown = await desktop.$$eval('section.month', (ss) => ss.filter((s) => getComputedStyle(s).display !== 'none').length);
    const hidden = await desktop.$$eval('.site-nav, .breadcrumb, .site-search, .overview',
      (els) => els.every((el) => getComputedStyle(el).display === 'none'));
    expect(hidden, 'menu, breadcrumb, search and charts are not printed');
    expect(shown === 1, `${shown} months printed`);
    expect(await desktop.isVisible('.site-name') && await desktop.isVisible('h1'), 'the municipality and the title are');
    await desktop.emulateMedia({ media: 'screen' });
  });

  await check('nothing is fetched from another host, no script errors', async () => {
    expect(problems.length === 0, problems.slice(0, 5).join('; '));
  });

  await browser.close();
  server.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
