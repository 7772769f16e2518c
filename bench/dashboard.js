/* global window -- functions passed to page.evaluate run in the browser */
// Dashboard page benchmark in headless Chromium: first load of the register
// and of the overview, and filter changes, with ITEMS tracked items (default
// 100,000) in both the commitments register and the dashboard's read model;
// and the compliance report of a declaration with 100 commitments and 1,000
// history rows (GET /reports/compliance alone, and the page until it shows).
//   npm run bench:dashboard   [ITEMS=100000 RUNS=10]
// Times are taken in the page (performance.now(), from navigation start, or
// from just before the user's action) up to the moment the table or the
// figures are in the DOM. Each first load uses a new browser context (cold cache).
const { chromium } = require('playwright-core');
const {
  sql,
  ms,
  pct,
  seedItemsSql,
  startService,
  ADMIN_URL,
  dbUrl,
  signingKeys,
} = require('./lib');
const { BROKERS, startBroker, stopBroker } = require('./broker');

const ITEMS = Number(process.env.ITEMS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 10);
const PORTS = { dashboard: 24300, commitments: 24302 };
const DASH = `http://127.0.0.1:${PORTS.dashboard}`;
const API = `http://127.0.0.1:${PORTS.commitments}`;
const db = `ct_bench_dash_${Date.now()}`;
const REPORT_DOCUMENT = '00000000-0000-4000-8000-00000000be01';
const url = dbUrl(db);
const env = {
  ...signingKeys(),
  ADMIN_EMAIL: 'admin@example.org',
  ADMIN_PASSWORD: 'bench-admin-password',
  DATABASE_URL: url,
  KAFKA_BROKERS: BROKERS.join(','),
  CORS_ORIGINS: DASH,
  COMMITMENTS_URL: API,
};

// Records when the register finishes each load, when the overview's figures
// appear, and when the report's table is in.
const OBSERVER = `
  window.__loads = [];
  new MutationObserver(() => {
    if (!window.__report && document.querySelectorAll('[data-testid=report-items] tbody tr').length >= 100) window.__report = performance.now();
    const t = document.querySelector('[data-testid=register]');
    const n = t ? Number(t.getAttribute('data-loads')) : 0;
    if (n > window.__loads.length) window.__loads.push(performance.now());
    if (!window.__overview && document.querySelector('[data-testid=total]')) window.__overview = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-loads'] });
`;

async function main() {
  startBroker();
  await sql(ADMIN_URL, `CREATE DATABASE ${db}`);
  const children = [];
  let browser;
  try {
    children.push(await startService('commitments', PORTS.commitments, env));
    children.push(await startService('dashboard', PORTS.dashboard, env));
    let t0 = process.hrtime.bigint();
    for (let from = 1; from <= ITEMS; from += 100_000) {
      await sql(url, seedItemsSql(from, Math.min(ITEMS, from + 99_999)));
    }
    // The dashboard's read model holds what commitment.changed would have told it.
    await sql(
      url,
      `INSERT INTO dashboard.item_snapshots
       SELECT id, version, kind, actor, actor_key, action, status, deadline, due_date, owner, place,
              depends_on, source_count, created_at, updated_at FROM commitments.tracked_items`,
    );
    // A declaration with 100 of those items, each with ten status changes in its history.
    await sql(
      url,
      `INSERT INTO commitments.item_sources (item_id, document_id, extraction_index, engine, evidence,
         evidence_start, evidence_end, published, language, confidence, deadline, event_id)
       SELECT id, $1, row_number() OVER (ORDER BY id), 'bench', action, 0, 10, DATE '2025-01-15',
              'en', 0.9, deadline, 'bench-' || id
       FROM (SELECT id, action, deadline FROM commitments.tracked_items WHERE kind <> 'event'
             ORDER BY id LIMIT 100) i`,
      [REPORT_DOCUMENT],
    );
    await sql(
      url,
      `INSERT INTO commitments.item_history (item_id, at, by, field, from_value, to_value, note)
       SELECT s.item_id, TIMESTAMPTZ '2025-01-20' + (n * 9 || ' days')::interval, 'bench', 'status',
              CASE WHEN n % 2 = 0 THEN 'open' ELSE 'in_progress' END,
              CASE WHEN n % 2 = 0 THEN 'in_progress' ELSE 'open' END, 'bench change ' || n
       FROM commitments.item_sources s CROSS JOIN generate_series(1, 10) n
       WHERE s.document_id = $1`,
      [REPORT_DOCUMENT],
    );
    // Registered when the declaration came out: the chart spans the months since.
    await sql(
      url,
      `UPDATE commitments.tracked_items SET created_at = TIMESTAMPTZ '2025-01-15'
       WHERE id IN (SELECT item_id FROM commitments.item_sources WHERE document_id = $1)`,
      [REPORT_DOCUMENT],
    );
    await sql(url, 'ANALYZE commitments.tracked_items; ANALYZE dashboard.item_snapshots');
    console.log(`loaded ${ITEMS} items in ${(ms(t0) / 1000).toFixed(1)} s`);

    const login = await fetch(`${API}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
    });
    // The page signs itself in from the refresh cookie that sign-in sets.
    const refresh = /ct_refresh=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    if (!refresh) throw new Error(`sign-in failed: ${login.status}`);
    const cookie = {
      name: 'ct_refresh',
      value: refresh,
      domain: new URL(API).hostname,
      path: '/auth',
      httpOnly: true,
      sameSite: 'Strict',
    };
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    const newPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([cookie]);
      await context.addInitScript(OBSERVER);
      return context.newPage();
    };

    const first = { register: [], overview: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const [name, path, ready] of [
        ['register', '#/register', '[data-testid=register][data-loads="1"]'],
        ['overview', '#/', '[data-testid=total]'],
      ]) {
        const page = await newPage();
        await page.goto(`${DASH}/${path}`);
        await page.waitForSelector(ready);
        first[name].push(
          await page.evaluate(
            (n) => (n === 'register' ? window.__loads[0] : window.__overview),
            name,
          ),
        );
        await page.context().close();
      }
    }

    const page = await newPage();
    await page.goto(`${DASH}/#/register`);
    await page.waitForSelector('[data-testid=register][data-loads="1"]');
    const actions = {
      'kind = mandate': () => page.selectOption('select[name=kind]', 'mandate'),
      'status = open': () => page.selectOption('select[name=status]', 'open'),
      'overdue only': () => page.check('input[name=overdue]'),
      'sort by deadline': () => page.selectOption('select[name=sort]', 'due'),
      'next page': () => page.click('text=Next →'),
      'text "water"': async () => {
        await page.fill('input[name=q]', 'water');
        await page.press('input[name=q]', 'Enter');
      },
      'actor "Actor 42"': async () => {
        await page.fill('input[name=actor]', 'Actor 42');
        await page.press('input[name=actor]', 'Enter');
      },
    };
    const filters = {};
    for (let i = 0; i < RUNS; i++) {
      for (const [name, act] of Object.entries(actions)) {
        await page.goto(`${DASH}/#/register`); // start each from the unfiltered register
        const before = await page.evaluate(() => window.__loads.length);
        await page.waitForFunction((n) => window.__loads.length >= n, before === 0 ? 1 : before);
        const n = await page.evaluate(() => window.__loads.length);
        const start = await page.evaluate(() => performance.now());
        await act();
        await page.waitForFunction((k) => window.__loads.length > k, n);
        const end = await page.evaluate((k) => window.__loads[k], n);
        (filters[name] ??= []).push(end - start);
      }
    }

    const report = { api: [], page: [] };
    const token = (await login.json()).token;
    for (let i = 0; i < RUNS; i++) {
      const t = process.hrtime.bigint();
      const res = await fetch(`${API}/reports/compliance?document=${REPORT_DOCUMENT}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await res.json();
      if (body.total !== 100) throw new Error(`the report has ${body.total} commitments, not 100`);
      report.api.push(ms(t));
      const rp = await newPage();
      await rp.goto(`${DASH}/#/report?document=${REPORT_DOCUMENT}`);
      await rp.waitForFunction(() => window.__report !== undefined);
      report.page.push(await rp.evaluate(() => window.__report));
      await rp.context().close();
    }

    const row = (name, xs) =>
      `${name.padEnd(28)} ${pct(xs, 50).toFixed(0).padStart(6)} ${pct(xs, 95).toFixed(0).padStart(6)} ${Math.max(
        ...xs,
      )
        .toFixed(0)
        .padStart(6)}`;
    console.log(`\n${ITEMS} items, ${RUNS} runs each; ms in the browser`);
    console.log(
      `${'what'.padEnd(28)} ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'max'.padStart(6)}`,
    );
    console.log(row('first load: register', first.register));
    console.log(row('first load: overview', first.overview));
    for (const [name, xs] of Object.entries(filters)) console.log(row(`filter: ${name}`, xs));
    console.log(row('report: API, 100 + 1,000', report.api));
    console.log(row('report: page, first load', report.page));
  } finally {
    await browser?.close();
    await Promise.all(
      children.map(
        (c) =>
          new Promise((done) => {
            if (c.exitCode !== null) return done();
            c.once('exit', done);
            c.kill('SIGTERM');
          }),
      ),
    );
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    stopBroker();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
