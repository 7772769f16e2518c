// Screenshots of the running dashboard for the README:
//   node scripts/screenshots.js [dashboard URL]   (after `npm start`)
// Signs in with ADMIN_EMAIL / ADMIN_PASSWORD (from .data/credentials.env when unset).
const { chromium } = require('playwright-core');
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = join(root, 'docs/screenshots');

function credentials() {
  const file = join(root, '.data/credentials.env');
  const env = existsSync(file)
    ? Object.fromEntries(
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      )
    : {};
  return {
    email: process.env.ADMIN_EMAIL ?? env.ADMIN_EMAIL,
    password: process.env.ADMIN_PASSWORD ?? env.ADMIN_PASSWORD,
  };
}

async function main() {
  const { email, password } = credentials();
  if (!email || !password) throw new Error('set ADMIN_EMAIL and ADMIN_PASSWORD');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=total]');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, 'overview.png'), fullPage: true });
    await page.goto(`${base}/#/register?sort=due`);
    await page.waitForSelector('[data-testid=register] tbody tr');
    await page.screenshot({ path: join(out, 'register.png') });
    await page.click('[data-testid=register] tbody tr');
    await page.waitForSelector('mark.evidence');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, 'item.png'), fullPage: true });
    const itemUrl = page.url();
    await page.click('[data-testid=document-report]');
    await page.waitForSelector('[data-testid=report] [data-testid=chart]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
    // The page in Turkish and in Russian (the switch is remembered; English again at the end).
    for (const lang of ['tr', 'ru']) {
      await page.selectOption('[data-testid=language]', lang);
      await page.waitForSelector(`html[lang=${lang}]`, { state: 'attached' });
      await page.goto(`${base}/#/`);
      await page.waitForSelector('[data-testid=total]');
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(out, `overview-${lang}.png`) });
      await page.goto(itemUrl);
      await page.waitForSelector('mark.evidence');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `item-${lang}.png`) });
    }
    await page.selectOption('[data-testid=language]', 'en');
    await page.waitForSelector('html[lang=en]', { state: 'attached' });
    console.log(`screenshots in ${out}`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
