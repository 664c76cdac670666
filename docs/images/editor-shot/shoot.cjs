const { chromium } = require(process.argv[2] + '/playwright-core');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 900, height: 460 }, deviceScaleFactor: 1 });
  page.on('console', m => console.log('console:', m.text()));
  await page.goto('http://127.0.0.1:8765/index.html');
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  await page.screenshot({ path: process.argv[3] });
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
