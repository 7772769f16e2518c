import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { readDocument } from '@ct/formats';
import { source as axeSource } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { ensureTopics } from '@ct/messaging';
import {
  createTestDatabase,
  launchChromium,
  queryRows,
  startService,
  TEST_KAFKA_BROKERS,
  type ServiceProcess,
  type TestDatabase,
  signIn as apiSignIn,
  skipBacklog,
  TEST_KEY_ENV,
} from '@ct/testing';
import { startMailSink } from '../chaos/receivers';

const PORTS = { dashboard: 24200, ingestion: 24201, commitments: 24202, notifications: 24203 };
const url = (s: keyof typeof PORTS) => `http://127.0.0.1:${PORTS[s]}`;
const DECLARATION =
  'Joint Declaration of the Summit, 1 November 2026.\n\n' +
  'The Heads of State instructed the Secretariat to submit a report on transport corridors by 1 March 2027. ' +
  'The Council of Ministers agreed to establish a joint investment fund by the end of 2027. ' +
  'The Kyrgyz Republic will host the next Summit in Bishkek on 15 September 2027.';
const COMMUNIQUE =
  'Communiqué of the Ministers of Transport, 10 November 2026.\n\n' +
  'The Ministers of Transport agreed to adopt a common rail tariff plan by June 2028.';

/**
 * The web page in a real browser against the whole system as real processes:
 * sign in, filter, evidence, a status change seen live elsewhere, an upload,
 * the calendar feed and the CSV export.
 */
describe('dashboard in a browser', () => {
  let db: TestDatabase;
  let browser: Browser;
  const blocked: string[] = [];
  const services: ServiceProcess[] = [];
  let coordinator: Page;
  let mail: Awaited<ReturnType<typeof startMailSink>>;

  const items = () =>
    queryRows<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM dashboard.item_snapshots');

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${url('dashboard')}/`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=total]');
  }

  /** Wait until the register shows exactly this many rows (after a filter is applied). */
  async function rowsShown(page: Page, n: number): Promise<void> {
    await page.waitForSelector('[data-testid=register-total][aria-busy=false]', {
      state: 'attached',
    });
    await waitFor(
      `${n} rows`,
      async () => (await page.locator('[data-testid=register] tbody tr').count()) === n,
    );
  }

  /** Each view of the page (the declaration's Secretariat item and its report), and what shows it is ready. */
  async function everyPage(): Promise<[string, string][]> {
    const [{ id: itemId }] = await queryRows<{ id: string }>(
      db.url,
      "SELECT id FROM commitments.tracked_items WHERE action LIKE 'submit a report on transport%'",
    );
    const [{ id: documentId }] = await queryRows<{ id: string }>(
      db.url,
      "SELECT id FROM ingestion.documents WHERE title = 'Joint Declaration'",
    );
    return [
      ['#/', '[data-testid=total]'],
      ['#/register', '[data-testid=register-total][aria-busy=false]'],
      [`#/items/${itemId}`, '[data-testid=item] mark.evidence'],
      ['#/ingest', '.ingest h1'],
      [`#/report?document=${documentId}`, '[data-testid=report] [data-testid=counts]'],
    ];
  }

  async function waitFor(what: string, ok: () => Promise<boolean>, timeoutMs = 30_000) {
    const end = Date.now() + timeoutMs;
    while (!(await ok())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    await ensureTopics(TEST_KAFKA_BROKERS);
    await skipBacklog(TEST_KAFKA_BROKERS);
    db = await createTestDatabase('browser');
    mail = await startMailSink();
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
      LOG_LEVEL: 'info',
      ...TEST_KEY_ENV,
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'browser-admin-password',
      CORS_ORIGINS: url('dashboard'),
      COMMITMENTS_URL: url('commitments'),
      INGESTION_URL: url('ingestion'),
      NOTIFICATIONS_URL: url('notifications'),
      STREAM_POLL_MS: '100',
      SMTP_URL: mail.url,
      DASHBOARD_URL: url('dashboard'),
      SCHEDULER_INTERVAL_MS: '500',
    };
    services.push(
      ...(await Promise.all(
        (Object.keys(PORTS) as (keyof typeof PORTS)[]).map((s) => startService(s, PORTS[s], env)),
      )),
    );
    const token = await apiSignIn(url('commitments'), env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    for (const user of [
      { email: 'coord@example.org', role: 'coordinator', actors: ['Secretariat'] },
      { email: 'viewer@example.org', role: 'viewer', actors: [] },
    ]) {
      const res = await fetch(`${url('commitments')}/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...user, password: 'a-long-enough-password' }),
      });
      expect(res.status).toBe(201);
    }
    const posted = await fetch(`${url('ingestion')}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: 'Joint Declaration',
        text: DECLARATION,
        published: '2026-11-01',
      }),
    });
    expect(posted.status).toBe(201);
    await waitFor('3 items in the dashboard', async () => (await items())[0].n === 3);
    browser = await launchChromium();
    coordinator = await browser.newPage();
    // Anything the Content-Security-Policy blocks is a broken page: collect it.
    coordinator.on('console', (m) => {
      if (/Content Security Policy|Refused to/u.test(m.text())) blocked.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(services.map((s) => s.stop()));
    await mail?.close();
    await db?.drop();
  });

  it('serves the page with a strict Content-Security-Policy, no framing and nosniff, which the page passes', async () => {
    const res = await fetch(`${url('dashboard')}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`connect-src 'self' ${url('commitments')}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  afterAll(() => {
    // Every page the suite drove ran under that policy without a violation.
    expect(blocked).toEqual([]);
  });

  it('signs in, shows the overview and filters the register', async () => {
    await signIn(coordinator, 'coord@example.org', 'a-long-enough-password');
    expect(await coordinator.textContent('[data-testid=total]')).toBe('3');
    // The token is in the page's memory only; a reload signs in again through the HttpOnly cookie.
    // Evaluated in the page (strings: this file is compiled without the DOM's types).
    const stored = await coordinator.evaluate<string>(
      'JSON.stringify({ ...localStorage, ...sessionStorage })',
    );
    expect(stored).not.toMatch(/eyJ/);
    expect(await coordinator.evaluate<string>('document.cookie')).toBe('');
    await coordinator.reload();
    await coordinator.waitForSelector('[data-testid=total]');
    expect(await coordinator.textContent('[data-testid=kind-event]')).toBe('1');
    // The timeline draws one mark per deadline in the next twelve months (not the end-2027 pledge).
    expect(await coordinator.locator('svg.timeline .mark').count()).toBe(2);

    await coordinator.click('header nav >> text=Register');
    await coordinator.waitForSelector('[data-testid=register] tbody tr');
    expect(await coordinator.locator('[data-testid=register] tbody tr').count()).toBe(3);
    await coordinator.fill('input[name=actor]', 'the secretariat');
    await coordinator.press('input[name=actor]', 'Enter');
    await rowsShown(coordinator, 1);
    expect(coordinator.url()).toContain('actor=the+secretariat');
    expect(await coordinator.textContent('[data-testid=register] tbody')).toContain(
      'submit a report on transport corridors',
    );
    await coordinator.goto(`${url('dashboard')}/#/register?kind=event`);
    // The actor filter's single row also counts as one: wait for the event's row itself.
    await coordinator.waitForSelector('[data-testid=register] tbody >> text=Summit');
    await rowsShown(coordinator, 1);
  });

  it('opens an item and shows its evidence highlighted in the document text', async () => {
    await coordinator.goto(`${url('dashboard')}/#/register?actor=Secretariat`);
    await coordinator.click('[data-testid=register] tbody tr');
    await coordinator.waitForSelector('[data-testid=item] mark.evidence');
    const id = /#\/items\/([0-9a-f-]{36})/.exec(coordinator.url())![1];
    const [source] = await queryRows<{ evidence: string }>(
      db.url,
      'SELECT evidence FROM commitments.item_sources WHERE item_id = $1',
      [id],
    );
    expect(await coordinator.textContent('mark.evidence')).toBe(source.evidence);
    // The text around it is the stored document's.
    expect(await coordinator.textContent('.document-text')).toContain(
      'Joint Declaration of the Summit',
    );
    expect(await coordinator.textContent('[data-testid=deadline]')).toContain('1 Mar 2027');
  });

  it('lets a coordinator change a status, and a second page sees the overview change live', async () => {
    const viewer = await (await browser.newContext()).newPage();
    await signIn(viewer, 'viewer@example.org', 'a-long-enough-password');
    expect(await viewer.locator('[data-testid=status-in_progress]').count()).toBe(0);
    await viewer.waitForSelector('body[data-live=on]', { state: 'attached' });

    // Only the statuses its lifecycle allows are offered.
    const offered = await coordinator
      .locator('[data-testid=status-form] select option')
      .allTextContents();
    expect(offered).toEqual(['choose…', 'in progress', 'blocked', 'cancelled', 'done']);
    await coordinator.selectOption('[data-testid=status-form] select', 'in_progress');
    await coordinator.fill('[data-testid=status-form] input[name=note]', 'drafting started');
    await coordinator.click('[data-testid=status-form] button');
    await coordinator.waitForSelector('text=Status changed.');

    // No reload: the viewer's page hears commitment.changed and refreshes its counts.
    await viewer.waitForSelector('[data-testid=status-in_progress]:text-is("1")', {
      timeout: 15_000,
    });
    expect(await viewer.textContent('[data-testid=changes]')).toContain('status changed');

    // A viewer is not offered what a viewer may not do.
    await viewer.goto(coordinator.url());
    await viewer.waitForSelector('[data-testid=item] mark.evidence');
    expect(await viewer.locator('text=Act on it').count()).toBe(0);
    expect(await viewer.textContent('.history')).toContain('drafting started');
    await viewer.context().close();
  });

  it('takes an uploaded document and shows the commitments found in it', async () => {
    await coordinator.goto(`${url('dashboard')}/#/ingest`);
    await coordinator.setInputFiles('input[type=file]', {
      name: 'communique.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(COMMUNIQUE),
    });
    await coordinator.click('button:has-text("Upload")');
    await coordinator.waitForSelector('[data-testid=found][data-done=true]', { timeout: 30_000 });
    const found = await coordinator.textContent('[data-testid=found]');
    expect(found).toContain('Ministers of Transport');
    expect(found).toContain('adopt a common rail tariff plan');
  });

  it('hands out a calendar feed that parses, and exports the register as CSV', async () => {
    await coordinator.goto(`${url('dashboard')}/#/register?sort=due`);
    await coordinator.waitForSelector('[data-testid=register] tbody tr');
    await coordinator.click('text=Calendar feed');
    const href = await (
      await coordinator.waitForSelector('[data-testid=ics-link]')
    ).getAttribute('href');
    const res = await fetch(href!);
    expect(res.status).toBe(200);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const summaries = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringContaining('host the next Summit'),
        expect.stringContaining('Due: Secretariat'),
      ]),
    );

    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.click('text=Export CSV'),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toMatch(/^id,kind,actor,action,status,deadline,due_date/);
    expect(csv).toHaveLength(1 + 4);
    expect(csv[1]).toContain('Secretariat'); // soonest deadline first, as on the page
  });

  it('mails "due tomorrow" at once for a deadline found inside that window, with a link that opens the item', async () => {
    const token = await apiSignIn(
      url('commitments'),
      'coord@example.org',
      'a-long-enough-password',
    );
    const sub = await fetch(`${url('notifications')}/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ email: 'coord@example.org', actors: ['Secretariat'] }),
    });
    expect(sub.status).toBe(201);
    // A deadline tomorrow: its one-day alert's time (today 00:00 UTC) has already gone by.
    const tomorrow = new Date(Date.now() + 86_400_000);
    const dated = tomorrow.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const posted = await fetch(`${url('ingestion')}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: 'Urgent decision',
        text: `Decision of the Council, ${new Date().toISOString().slice(0, 10)}.\n\nThe Council instructed the Secretariat to circulate the draft customs guidelines by ${dated}.`,
      }),
    });
    expect(posted.status).toBe(201);

    let link = '';
    await waitFor('the alert email', async () => {
      for (const raw of mail.got.raw) {
        const m = await simpleParser(raw);
        if (!m.text?.includes('circulate the draft customs guidelines')) continue;
        expect(m.subject).toMatch(/^Due tomorrow: Secretariat/);
        link = /Open it: (\S+)/.exec(m.text)![1];
        return true;
      }
      return false;
    });
    expect(link).toMatch(new RegExp(`^${url('dashboard')}/items/[0-9a-f-]{36}$`));
    await coordinator.goto(link);
    await coordinator.waitForSelector('[data-testid=item] mark.evidence');
    expect(coordinator.url()).toContain(`#/items/${link.split('/').at(-1)}`);
    expect(await coordinator.textContent('[data-testid=item]')).toContain(
      'circulate the draft customs guidelines',
    );
  });

  it('reports a declaration’s compliance on a page that prints to PDF and downloads as HTML', async () => {
    await coordinator.goto(`${url('dashboard')}/#/register?actor=Secretariat&q=transport`);
    await coordinator.click('[data-testid=register] tbody tr');
    await coordinator.click('[data-testid=document-report]');
    await coordinator.waitForSelector('[data-testid=report] [data-testid=counts]');
    expect(coordinator.url()).toMatch(/#\/report\?document=[0-9a-f-]{36}$/);
    await coordinator.waitForSelector('.report .subject:has-text("Joint Declaration")');
    // The declaration's three: the Secretariat's report (in progress since the status test),
    // the fund and the summit (not started, not yet due).
    const count = async (o: string) =>
      coordinator.textContent(`[data-testid=counts] tr[data-outcome=${o}] td.num >> nth=0`);
    expect(await count('in_progress')).toBe('1');
    expect(await count('not_started')).toBe('2');
    expect(await count('overdue')).toBe('0');
    expect(await coordinator.locator('[data-testid=report-items] tbody tr').count()).toBe(3);
    expect(await coordinator.locator('[data-testid=chart] rect').count()).toBeGreaterThan(0);
    expect(await coordinator.textContent('[data-testid=report-items]')).toContain(
      'drafting started',
    );

    // Printed (what "Save as PDF" gives): the report without the page's controls.
    await coordinator.emulateMedia({ media: 'print' });
    const pdf = await coordinator.pdf({ format: 'A4', printBackground: true });
    await coordinator.emulateMedia({ media: 'screen' });
    // Lines of the PDF break where the page's columns wrap: compare with whitespace folded.
    const text = (await readDocument(Buffer.from(pdf), 'application/pdf')).text.replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Compliance report');
    expect(text).toContain('Joint Declaration');
    expect(text).toContain('submit a report on transport corridors');
    expect(text).toContain('On-time rate');
    expect(text).not.toContain('Show report'); // the form is left out of the print

    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.click('text=Download HTML'),
    ]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^compliance-report-\d{4}-\d{2}-\d{2}\.html$/);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).toContain('.fill-overdue');
    expect(html).toContain('submit a report on transport corridors');

    // A summit's reports together: the communiqué found by its title and ticked beside the declaration.
    const picker = '[data-testid=document-picker]';
    await coordinator.waitForSelector(`${picker} li:has-text("Joint Declaration")`);
    expect(
      await coordinator.isChecked(
        `${picker} li:has-text("Joint Declaration") input[type=checkbox]`,
      ),
    ).toBe(true);
    await coordinator.fill(`${picker} input[type=search]`, 'commun');
    await coordinator.check(`${picker} li:has-text("ommuni") input[type=checkbox]`);
    await coordinator.click('button:has-text("Show report")');
    await waitFor('the report of both documents', async () =>
      /4 commitments/.test((await coordinator.textContent('.report header')) ?? ''),
    );
    expect(coordinator.url().match(/document=/g)).toHaveLength(2);
    expect(await coordinator.textContent('[data-testid=report-items]')).toContain(
      'adopt a common rail tariff plan',
    );
  });

  it('sorts the register by clicking a column header, by mouse or keyboard', async () => {
    await coordinator.goto(`${url('dashboard')}/#/register`);
    await coordinator.waitForSelector('[data-testid=register] tbody tr');
    const loads = async () =>
      Number(await coordinator.getAttribute('[data-testid=register]', 'data-loads'));
    /** The first row's deadline once the page has loaded again after `act`. */
    const firstDeadline = async (act: () => Promise<void>) => {
      const before = await loads();
      await act();
      await waitFor('the sorted page', async () => (await loads()) > before);
      return coordinator.locator('[data-testid=register] tbody tr td.date >> nth=0').textContent();
    };
    // Soonest first: the mandate due tomorrow.
    expect(await firstDeadline(() => coordinator.click('[data-testid=sort-due]'))).toBe(
      new Date(Date.now() + 86_400_000).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    );
    expect(coordinator.url()).toContain('sort=due');
    expect(await coordinator.getAttribute('th:has([data-testid=sort-due])', 'aria-sort')).toBe(
      'ascending',
    );
    // The same header again, from the keyboard: latest first.
    const latest = await firstDeadline(async () => {
      await coordinator.focus('[data-testid=sort-due]');
      await coordinator.keyboard.press('Enter');
    });
    expect(latest).toBe('by end of Jun 2028');
    expect(coordinator.url()).toContain('sort=-due');
    expect(await coordinator.getAttribute('th:has([data-testid=sort-due])', 'aria-sort')).toBe(
      'descending',
    );
  });

  it('shows a change made elsewhere as a toast on any page', async () => {
    await coordinator.goto(`${url('dashboard')}/#/ingest`);
    await coordinator.waitForSelector('body[data-live=on]', { state: 'attached' });
    const admin = await apiSignIn(
      url('commitments'),
      'admin@example.org',
      'browser-admin-password',
    );
    const [{ id }] = await queryRows<{ id: string }>(
      db.url,
      "SELECT id FROM commitments.tracked_items WHERE action LIKE 'establish a joint investment fund%'",
    );
    const res = await fetch(`${url('commitments')}/items/${id}/owner`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ owner: 'treasury@example.org' }),
    });
    expect(res.status).toBe(200);
    const toast = await coordinator.waitForSelector(
      '[data-testid=toasts] .toast:has-text("establish a joint investment fund")',
    );
    expect(await toast.textContent()).toContain('owner changed');
    expect(await coordinator.getAttribute('[data-testid=toasts]', 'aria-live')).toBe('polite');
  });

  it('speaks Turkish, Russian and German on every page, remembers the choice, and leaves no key untranslated', async () => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    // Chosen from the browser's languages before anyone signs in.
    await page.goto(`${url('dashboard')}/`);
    await page.waitForSelector('form.sign-in');
    expect(await page.textContent('form.sign-in h1')).toBe('Вход');
    await page.fill('input[name=email]', 'coord@example.org');
    await page.fill('input[name=password]', 'a-long-enough-password');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=total]');

    const pages = await everyPage();
    // Words the English page shows; none may be left on a page in another language.
    const english = [
      'Overview',
      'Reports',
      'Add document',
      'Sign out',
      'Deadline',
      'Owner',
      'Actor',
      'History',
      'Loading',
      'overdue',
      'in progress',
      'Compliance report',
      'Where it comes from',
      'The next twelve months',
      'Export CSV',
    ];
    const expected = {
      tr: { nav: 'Kayıt', report: 'Uyum raporu', month: 'Mar 2027' },
      ru: { nav: 'Реестр', report: 'Отчёт о выполнении', month: 'мар. 2027' },
      de: { nav: 'Register', report: 'Umsetzungsbericht', month: 'März 2027' },
    };
    for (const [lang, want] of Object.entries(expected)) {
      await page.selectOption('[data-testid=language]', lang);
      // The switch takes effect (and is remembered) once the language's words have arrived.
      await page.waitForSelector(`html[lang=${lang}]`, { state: 'attached' });
      for (const [hash, ready] of pages) {
        await page.goto(`${url('dashboard')}/${hash}`);
        await page.reload(); // the choice is remembered across loads
        await page.waitForSelector(ready, { state: 'attached' });
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        const text = (await page.textContent('body'))!;
        expect([lang, hash, text.includes('⟦')]).toEqual([lang, hash, false]);
        expect(await page.textContent('header nav a[href="#/register"]')).toBe(want.nav);
        const leftover = english.filter((w) =>
          lang === 'de' && (w === 'Register' || w === 'Status') ? false : text.includes(w),
        );
        expect([lang, hash, leftover]).toEqual([lang, hash, []]);
        if (hash.startsWith('#/items/')) {
          // Dates in the language's own form.
          expect(await page.textContent('[data-testid=deadline]')).toContain(want.month);
        }
        if (hash.startsWith('#/report')) {
          expect(await page.textContent('.report h1')).toBe(want.report);
        }
      }
    }
    await page.selectOption('[data-testid=language]', 'en');
    await context.close();
  });

  it('has no serious accessibility violations on any page (axe-core)', async () => {
    const found: string[] = [];
    for (const [hash, ready] of await everyPage()) {
      await coordinator.goto(`${url('dashboard')}/${hash}`);
      await coordinator.waitForSelector(ready, { state: 'attached' });
      // Evaluated by the browser's debugger protocol, which the page's CSP does not govern.
      await coordinator.evaluate(axeSource);
      const violations = await coordinator.evaluate<
        { id: string; impact: string; help: string; targets: string[] }[]
      >(
        `axe.run(document, { resultTypes: ['violations'] }).then((r) =>
           r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
             targets: v.nodes.slice(0, 3).map((n) => String(n.target)) })))`,
      );
      for (const v of violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          found.push(`${hash} ${v.impact} ${v.id}: ${v.help} (${v.targets.join(' | ')})`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
