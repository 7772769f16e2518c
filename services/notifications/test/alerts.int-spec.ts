import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { COMMITMENT_CHANGED, wrap, type DataOf } from '@ct/contracts';
import { queryRows, testUser, TEST_KEYS } from '@ct/testing';
import { AlertScheduler } from '../src/alerts/alert-scheduler.service';
import { verify } from '../src/deliveries/webhook-signature';
import { WatchesService } from '../src/watches/watches.service';
import { FakeClock, startNotifications, type NotificationsHarness } from './harness';

const ITEM = '01900000-0000-7000-8000-000000000001';
const MINUTE = 60_000;

/** Alerts end to end inside the service: a real SMTP server and a real webhook receiver get them. */
describe('deadline alerts', () => {
  const clock = new FakeClock(new Date('2026-02-20T12:00:00Z'));
  const mails: ParsedMail[] = [];
  const hooks: { headers: IncomingHttpHeaders; body: string }[] = [];
  let failNextHooks = 0;
  let smtp: SMTPServer;
  let receiver: Server;
  let hookUrl: string;
  let h: NotificationsHarness;
  let env: Record<string, string>;
  const versions = new Map<string, number>();

  const token = (role: 'viewer' | 'coordinator' | 'admin', name = 'coordinator-1') =>
    testUser(role, name).token();
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    auth = token('coordinator'),
  ) => {
    const res = await fetch(`${h.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: res.status === 204 ? null : ((await res.json()) as Record<string, unknown>),
    };
  };
  /** Version `version` of an item as commitments would announce it. */
  const changeEvent = (
    itemId: string,
    version: number,
    over: Partial<DataOf<typeof COMMITMENT_CHANGED>>,
  ) =>
    wrap<typeof COMMITMENT_CHANGED, DataOf<typeof COMMITMENT_CHANGED>>(
      COMMITMENT_CHANGED,
      {
        itemId,
        version,
        change: version === 1 ? 'created' : 'updated',
        changes: [],
        kind: 'mandate',
        actor: 'Secretariat',
        action: 'prepare a report on transport corridors',
        status: 'open',
        deadline: '2026-03-31',
        deadlineSource: 'explicit',
        dueDate: '2026-03-31',
        owner: 'owner@example.org',
        place: null,
        dependsOn: null,
        sourceCount: 1,
        changedAt: clock.now().toISOString(),
        ...over,
      },
      { source: '/test', id: `item:${itemId}:v${version}` },
    );
  /** The next version of an item (ITEM unless `over` names another), applied. */
  const changed = (over: Partial<DataOf<typeof COMMITMENT_CHANGED>>) => {
    const itemId = over.itemId ?? ITEM;
    const version = (versions.get(itemId) ?? 0) + 1;
    versions.set(itemId, version);
    return h.app.get(WatchesService).onCommitmentChanged(changeEvent(itemId, version, over));
  };
  const pass = () => h.app.get(AlertScheduler).runOnce();
  const raised = () =>
    queryRows<{ reason: string; due_date: string; late: boolean }>(
      h.db.url,
      `SELECT reason, due_date::text AS due_date, late FROM notifications.alerts WHERE raised_at IS NOT NULL ORDER BY raised_at`,
    );

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        simpleParser(stream)
          .then((m) => (mails.push(m), done()))
          .catch(done);
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hooks.push({ headers: req.headers, body });
        if (failNextHooks > 0) {
          failNextHooks--;
          res.writeHead(500).end('try later');
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
    env = {
      JWT_PUBLIC_KEY: TEST_KEYS.publicKey,
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      MAIL_FROM: 'Alerts <alerts@tracker.example.org>',
      DASHBOARD_URL: 'https://tracker.example.org',
      DELIVERY_BACKOFF_MS: String(MINUTE),
      DELIVERY_MAX_ATTEMPTS: '3',
      // The test receiver listens on loopback, which only an explicit allowance reaches.
      EGRESS_ALLOW: '127.0.0.1',
    };
    h = await startNotifications('alerts', clock, env);
  });
  afterAll(async () => {
    await h?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    await new Promise((r) => receiver.close(r));
  });

  it('refuses webhooks into the network at subscription time with 422 and the reason, storing nothing', async () => {
    for (const [webhook, reason] of [
      ['http://127.0.0.2:3002/items', /127\.0\.0\.2 is a loopback address/],
      ['http://[::1]/x', /::1 is a loopback address/],
      ['http://0.0.0.0:5432/', /0\.0\.0\.0 is an unspecified address/],
      ['http://2130706434/', /127\.0\.0\.2 is a loopback/],
      ['http://[::ffff:10.0.0.1]/', /10\.0\.0\.1 is a private address/],
      ['http://169.254.169.254/latest/meta-data/', /link-local/],
      ['http://[fd00::1]/', /unique-local/],
    ] as const) {
      const res = await call('POST', '/subscriptions', { webhook });
      expect(res.status).toBe(422);
      expect(String(res.body!.message)).toMatch(reason);
    }
    expect((await call('GET', '/subscriptions')).body!.items).toHaveLength(0);
  });

  it('sends each alert once by email and signed webhook, retries, survives a restart, re-plans and falls silent', async () => {
    // Subscriptions: a coordinator's webhook for the Secretariat, an admin's email for everything.
    const hook = await call('POST', '/subscriptions', {
      webhook: hookUrl,
      actors: ['Secretariat'],
    });
    expect(hook.status).toBe(201);
    const secret = String(hook.body!.secret);
    expect(secret).toMatch(/^whsec_/);
    expect(
      (
        await call(
          'POST',
          '/subscriptions',
          { email: 'desk@example.org' },
          token('admin', 'admin-1'),
        )
      ).status,
    ).toBe(201);
    expect(
      (await call('POST', '/subscriptions', { email: 'x@example.org' }, token('viewer', 'v')))
        .status,
    ).toBe(403);
    expect((await call('GET', '/subscriptions')).body!.items).toHaveLength(1);
    expect(
      (await call('GET', '/subscriptions', undefined, token('admin', 'admin-1'))).body!.items,
    ).toHaveLength(2);

    await changed({});
    clock.set('2026-02-28T23:59:00Z');
    expect(await pass()).toEqual({ raised: 0, delivered: 0, failed: 0, digests: 0 });

    // 30 days before: email to the subscriber and to the owner; the webhook fails once, then succeeds.
    failNextHooks = 1;
    clock.set('2026-03-01T00:01:00Z');
    expect(await pass()).toEqual({ raised: 1, delivered: 2, failed: 0, digests: 0 });
    expect(mails.map((m) => (m.to as { text: string }).text).sort()).toEqual([
      'desk@example.org',
      'owner@example.org',
    ]);
    expect(mails[0].subject).toBe(
      'Due in 30 days: Secretariat — prepare a report on transport corridors',
    );
    expect(mails[0].text).toContain('Due: 2026-03-31 (due in 30 days)');
    expect(mails[0].text).toContain(`https://tracker.example.org/items/${ITEM}`);
    expect(hooks).toHaveLength(1);
    clock.advance(MINUTE);
    expect(await pass()).toEqual({ raised: 0, delivered: 1, failed: 0, digests: 0 });
    const delivered = hooks[1];
    expect(delivered.headers['webhook-id']).toBe(`${ITEM}:before:30d:2026-03-31`);
    expect(
      verify(
        secret,
        {
          id: String(delivered.headers['webhook-id']),
          timestamp: String(delivered.headers['webhook-timestamp']),
          signature: String(delivered.headers['webhook-signature']),
        },
        delivered.body,
        Math.floor(clock.now().getTime() / 1000),
      ),
    ).toBe(true);
    expect(
      verify(
        'whsec_' + Buffer.from('wrong').toString('base64'),
        { id: 'x', timestamp: '1', signature: 'v1,x' },
        '',
      ),
    ).toBe(false);
    expect(JSON.parse(delivered.body)).toMatchObject({
      type: 'alert.raised',
      data: { reason: 'before:30d', daysUntilDue: 30 },
    });

    // A restart mid-run sends nothing twice (the pass at start-up finds nothing either).
    await h.stop();
    h = await startNotifications('alerts', clock, env, h.db);
    expect(await pass()).toEqual({ raised: 0, delivered: 0, failed: 0, digests: 0 });
    expect(hooks).toHaveLength(2);
    expect(mails).toHaveLength(2);

    // The deadline moves to 30 April: the March alerts are re-planned for the new date.
    await changed({ deadline: '2026-04-30', dueDate: '2026-04-30' });
    clock.set('2026-03-24T00:01:00Z');
    expect((await pass()).raised).toBe(0);
    clock.set('2026-03-31T00:01:00Z');
    expect((await pass()).raised).toBe(1);
    expect(mails.at(-1)!.subject).toMatch(/^Due in 30 days:/);

    // While the service is down, the 7-day alert falls due: the pass at start-up sends it, late, once.
    await h.stop();
    clock.set('2026-04-23T09:00:00Z');
    const sent = mails.length;
    h = await startNotifications('alerts', clock, env, h.db);
    expect((await pass()).raised).toBe(0);
    expect(mails.length).toBe(sent + 2);
    expect((await raised()).at(-1)).toEqual({
      reason: 'before:7d',
      due_date: '2026-04-30',
      late: true,
    });
    expect(mails.at(-1)!.text).toContain('This alert is late');

    // Done: nothing more, not even when it would have been overdue.
    await changed({ deadline: '2026-04-30', dueDate: '2026-04-30', status: 'done' });
    clock.set('2026-05-10T00:00:00Z');
    expect(await pass()).toEqual({ raised: 0, delivered: 0, failed: 0, digests: 0 });
    expect((await raised()).map((r) => `${r.reason}@${r.due_date}`)).toEqual([
      'before:30d@2026-03-31',
      'before:30d@2026-04-30',
      'before:7d@2026-04-30',
    ]);
    const events = await queryRows<{ type: string; n: string }>(
      h.db.url,
      `SELECT payload->>'type' AS type, count(*) AS n FROM notifications.outbox GROUP BY 1 ORDER BY 1`,
    );
    expect(events).toEqual([
      { type: 'alert.delivered.v1', n: '9' },
      { type: 'alert.raised.v1', n: '3' },
    ]);
  });

  it('reminds of an overdue item every 7 days, and gives a failing webhook up after the bound', async () => {
    const item = '01900000-0000-7000-8000-000000000002';
    const hook = await call('POST', '/subscriptions', {
      webhook: `${hookUrl}?late`,
      items: [item],
    });
    expect(hook.status).toBe(201);
    clock.set('2026-06-01T12:00:00Z');
    await changed({
      itemId: item,
      kind: 'event',
      actor: 'Kyrgyz Republic',
      action: 'host the summit',
      status: 'scheduled',
      deadline: '2026-05-20',
      dueDate: '2026-05-20',
      owner: null,
      place: 'Bishkek',
    });
    failNextHooks = 100;
    const before = mails.length;
    await pass(); // overdue:2 (the period now is in), at once
    clock.advance(MINUTE);
    await pass();
    clock.advance(2 * MINUTE);
    expect(await pass()).toMatchObject({ failed: 1 });
    clock.set('2026-06-09T00:01:00Z');
    await pass();
    failNextHooks = 0;
    const reasons = await queryRows<{ reason: string }>(
      h.db.url,
      `SELECT reason FROM notifications.alerts WHERE item_id = $1 AND raised_at IS NOT NULL ORDER BY fire_at`,
      [item],
    );
    expect(reasons.map((r) => r.reason)).toEqual(['overdue:2', 'overdue:3']);
    const [failed] = await queryRows<{ status: string; attempts: number; last_error: string }>(
      h.db.url,
      `SELECT status, attempts, last_error FROM notifications.deliveries WHERE alert_key = $1 AND channel = 'webhook'`,
      [`${item}:overdue:2:2026-05-20`],
    );
    expect(failed).toEqual({ status: 'failed', attempts: 3, last_error: 'webhook answered 500' });
    expect(mails.length).toBe(before + 2); // desk@example.org subscribes to everything
  });

  it('sends an alert once when two replicas run their passes at the same moment', async () => {
    const item = '01900000-0000-7000-8000-000000000003';
    clock.set('2026-07-01T12:00:00Z');
    await changed({
      itemId: item,
      kind: 'pledge',
      actor: 'Republic of Uzbekistan',
      action: 'open a trade house',
      deadline: '2026-07-10',
      dueDate: '2026-07-10',
      owner: 'trade@example.org',
    });
    const replica = await startNotifications('alerts', clock, env, h.db);
    try {
      const before = mails.filter(
        (m) => (m.to as { text: string }).text === 'trade@example.org',
      ).length;
      // The 7-day alert is due, and the 30-day one, planned at once when the deadline was
      // found inside its window (no pass has run since).
      clock.set('2026-07-03T00:01:00Z');
      await Promise.all([pass(), replica.app.get(AlertScheduler).runOnce()]);
      const sent = await queryRows<{ reason: string; target: string; attempts: number }>(
        h.db.url,
        `SELECT a.reason, d.target, d.attempts FROM notifications.alerts a
         JOIN notifications.deliveries d ON d.alert_key = a.key
         WHERE a.item_id = $1 AND d.status = 'delivered' ORDER BY d.target, a.reason`,
        [item],
      );
      expect(sent).toEqual([
        { reason: 'before:30d', target: 'desk@example.org', attempts: 1 },
        { reason: 'before:7d', target: 'desk@example.org', attempts: 1 },
        { reason: 'before:30d', target: 'trade@example.org', attempts: 1 },
        { reason: 'before:7d', target: 'trade@example.org', attempts: 1 },
      ]);
      expect(
        mails.filter((m) => (m.to as { text: string }).text === 'trade@example.org'),
      ).toHaveLength(before + 2);
    } finally {
      await replica.stop();
    }
  });

  it('sends with no row lock held: a delivery a receiver is still answering can be read FOR UPDATE', async () => {
    const item = '01900000-0000-7000-8000-000000000009';
    let release!: () => void;
    const answered = new Promise<void>((r) => (release = r));
    let arrived!: () => void;
    const received = new Promise<void>((r) => (arrived = r));
    const slow = createServer((req, res) => {
      req.resume();
      arrived();
      void answered.then(() => res.writeHead(204).end());
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    try {
      clock.set('2026-09-01T12:00:00Z');
      const webhook = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hold`;
      expect((await call('POST', '/subscriptions', { webhook, items: [item] })).status).toBe(201);
      await changed({ itemId: item, deadline: '2026-09-05', dueDate: '2026-09-05', owner: null });
      // The 1-day alert is due, and the 7-day one the deadline was found inside.
      clock.set('2026-09-04T00:01:00Z');
      const passing = pass();
      await received;
      // Before this change the pass sent inside its transaction, holding this row's lock.
      const held = await queryRows<{ id: string }>(
        h.db.url,
        `SELECT d.id FROM notifications.deliveries d JOIN notifications.alerts a ON a.key = d.alert_key
         WHERE a.item_id = $1 AND d.target = $2 FOR UPDATE NOWAIT`,
        [item, webhook],
      );
      expect(held).toHaveLength(2);
      release();
      await passing;
      const [done] = await queryRows<{ status: string; attempts: number }>(
        h.db.url,
        `SELECT status, attempts FROM notifications.deliveries WHERE target = $1`,
        [webhook],
      );
      expect(done).toEqual({ status: 'delivered', attempts: 1 });
    } finally {
      release();
      await new Promise((r) => slow.close(r));
    }
  });

  it('plans for a batch of changes what the same changes plan one at a time, and ignores a redelivered batch', async () => {
    clock.set('2026-08-01T12:00:00Z');
    const watches = h.app.get(WatchesService);
    const event = (
      itemId: string,
      version: number,
      over: Partial<DataOf<typeof COMMITMENT_CHANGED>>,
    ) =>
      changeEvent(itemId, version, {
        actor: 'Ministers of Transport',
        action: 'agree a corridor tariff',
        deadline: null,
        dueDate: null,
        owner: null,
        ...over,
      });
    // Three items per way: a deadline moved (versions out of order, one redelivered), an item closed, one overdue.
    const ways = {
      batch: [
        '01900000-0000-7000-8000-000000000101',
        '01900000-0000-7000-8000-000000000102',
        '01900000-0000-7000-8000-000000000103',
      ],
      single: [
        '01900000-0000-7000-8000-000000000201',
        '01900000-0000-7000-8000-000000000202',
        '01900000-0000-7000-8000-000000000203',
      ],
    };
    const first = ([moved, closed, overdue]: string[]) => [
      event(moved, 2, { dueDate: '2026-10-31', deadline: '2026-10-31' }),
      event(moved, 1, { dueDate: '2026-09-30', deadline: '2026-09-30' }),
      event(closed, 1, { dueDate: '2026-09-15', deadline: '2026-09-15' }),
      event(overdue, 1, { dueDate: '2026-07-20', deadline: '2026-07-20' }),
      event(closed, 2, { dueDate: '2026-09-15', deadline: '2026-09-15', status: 'done' }),
      event(moved, 1, { dueDate: '2026-09-30', deadline: '2026-09-30' }),
    ];
    const second = ([, , overdue]: string[]) => [
      event(overdue, 2, {
        dueDate: '2026-07-20',
        deadline: '2026-07-20',
        owner: 'new@example.org',
      }),
    ];
    await watches.onCommitmentsChanged(first(ways.batch));
    for (const e of first(ways.single)) await watches.onCommitmentChanged(e);
    await pass(); // raises each overdue item's reminder for this week
    await watches.onCommitmentsChanged(second(ways.batch));
    for (const e of second(ways.single)) await watches.onCommitmentChanged(e);
    await watches.onCommitmentsChanged(first(ways.batch)); // redelivered: claimed already

    const state = async (ids: string[]) => ({
      watched: (
        await queryRows<{ item_id: string; status: string; due: string; version: number }>(
          h.db.url,
          `SELECT item_id, status, due_date::text AS due, item_version AS version
           FROM notifications.watched_deadlines WHERE item_id = ANY($1::uuid[])`,
          [ids],
        )
      ).map((r) => ({ ...r, item_id: ids.indexOf(r.item_id) })),
      alerts: (
        await queryRows<{
          item_id: string;
          reason: string;
          due: string;
          fire_at: Date;
          raised: boolean;
        }>(
          h.db.url,
          `SELECT item_id, reason, due_date::text AS due, fire_at, raised_at IS NOT NULL AS raised
           FROM notifications.alerts WHERE item_id = ANY($1::uuid[])`,
          [ids],
        )
      )
        .map((r) => ({ ...r, item_id: ids.indexOf(r.item_id) }))
        .sort((a, b) => a.item_id - b.item_id || a.reason.localeCompare(b.reason)),
    });
    const batch = await state(ways.batch);
    expect(batch).toEqual(await state(ways.single));
    expect(batch.watched).toEqual(
      expect.arrayContaining([
        { item_id: 0, status: 'open', due: '2026-10-31', version: 2 },
        { item_id: 1, status: 'done', due: '2026-09-15', version: 2 },
        { item_id: 2, status: 'open', due: '2026-07-20', version: 2 },
      ]),
    );
    expect(batch.alerts.filter((a) => a.item_id === 0).map((a) => a.due)).toEqual(
      expect.arrayContaining(['2026-10-31']),
    );
    expect(batch.alerts.filter((a) => a.item_id === 0 && a.due !== '2026-10-31')).toEqual([]);
    expect(batch.alerts.filter((a) => a.item_id === 1)).toEqual([]);
    // The overdue item: this week's reminder raised, the next one planned after it.
    expect(batch.alerts.filter((a) => a.item_id === 2).map((a) => [a.reason, a.raised])).toEqual([
      ['overdue:2', true],
      ['overdue:3', false],
    ]);
  });

  it('mails an opt-in weekly digest once a week: due this week, overdue, changed since the last', async () => {
    const bureau = (n: number) => `01900000-0000-7000-8000-0000000d1g0${n}`.replace('g', '0');
    const digests = () => mails.filter((m) => m.headers.has('x-digest'));
    clock.set('2026-11-02T08:00:00Z');
    const base = { actor: 'Digest Bureau', owner: null };
    await changed({ ...base, itemId: bureau(1), deadline: '2026-11-05', dueDate: '2026-11-05' });
    await changed({ ...base, itemId: bureau(2), deadline: '2026-10-20', dueDate: '2026-10-20' });
    await changed({ ...base, itemId: bureau(3), deadline: '2027-05-01', dueDate: '2027-05-01' });

    const hook = await call('POST', '/subscriptions', { webhook: hookUrl, digest: true });
    expect(hook.status).toBe(400);
    expect(JSON.stringify(hook.body)).toContain('a weekly digest goes by email');
    const sub = await call('POST', '/subscriptions', {
      email: 'digest@example.org',
      actors: ['Digest Bureau'],
      digest: true,
    });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ digest: true, lastDigestAt: null });

    await pass();
    expect(digests()).toHaveLength(1);
    const [first] = digests();
    expect(first.subject).toBe('Weekly digest 2026-11-02: 1 due this week, 1 overdue, 3 changed');
    expect(first.text).toContain(`https://tracker.example.org/items/${bureau(1)}`);
    expect(first.headers.get('x-digest')).toBe(sub.body!.id);

    // Another pass, and a replica's, within the week: nothing more.
    const replica = await startNotifications('alerts', clock, env, h.db);
    try {
      clock.set('2026-11-05T08:00:00Z');
      await Promise.all([pass(), replica.app.get(AlertScheduler).runOnce()]);
      expect(digests()).toHaveLength(1);
    } finally {
      await replica.stop();
    }

    // A week after the first: what changed since then, and what is due now.
    clock.set('2026-11-06T09:00:00Z');
    await changed({
      ...base,
      itemId: bureau(1),
      status: 'done',
      deadline: '2026-11-05',
      dueDate: '2026-11-05',
    });
    clock.set('2026-11-09T08:00:00Z');
    await pass();
    expect(digests()).toHaveLength(2);
    expect(digests()[1].subject).toBe(
      'Weekly digest 2026-11-09: 0 due this week, 1 overdue, 1 changed',
    );
    expect(digests()[1].text).toMatch(
      /Changed since the last digest \(1\)\n- Digest Bureau: .*\[done\]/,
    );
  });
});
