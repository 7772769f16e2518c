import { ALERT_RAISED, COMMITMENT_CHANGED, wrap } from '@ct/contracts';
import { DataSource } from 'typeorm';
import { PrincipalsRepository } from '@ct/access';
import {
  queryRows,
  readSse,
  testUser,
  waitForLockWait,
  type InProcessApp,
  TEST_KEYS,
} from '@ct/testing';
import { StreamEventsRepository } from '../src/stream/stream-events.repository';
import { StreamRetention } from '../src/stream/stream-retention.service';
import { changeData, itemId as item, startDashboard, VIEWER } from './harness';

/** The event stream for other dashboards: filters, authentication, and resuming without a gap. */
describe('GET /api/stream', () => {
  let h: InProcessApp;
  let url: string;
  let store: StreamEventsRepository;
  const token = VIEWER.token();
  const auth = { authorization: `Bearer ${token}` };

  const changedEvent = (
    n: number,
    version: number,
    kind: 'mandate' | 'pledge' | 'event' = 'mandate',
  ) =>
    wrap(
      COMMITMENT_CHANGED,
      changeData(n, {
        version,
        change: version === 1 ? 'created' : 'status_changed',
        kind,
        action: `task ${n}`,
      }),
      { source: '/test', id: `item:${item(n)}:v${version}` },
    );
  const changed = (n: number, version: number, kind: 'mandate' | 'pledge' | 'event' = 'mandate') =>
    store.add(changedEvent(n, version, kind));

  beforeAll(async () => {
    h = await startDashboard('stream', {
      JWT_PUBLIC_KEY: TEST_KEYS.publicKey,
      STREAM_POLL_MS: '50',
    });
    url = h.url;
    store = h.app.get(StreamEventsRepository);
  });
  afterAll(() => h?.close());

  it('refuses a request without a valid token, and bad filters', async () => {
    expect((await readSse(`${url}/api/stream`, 1, { timeoutMs: 2000 })).status).toBe(401);
    expect(
      (await readSse(`${url}/api/stream?access_token=forged`, 1, { timeoutMs: 2000 })).status,
    ).toBe(401);
    expect(
      (await readSse(`${url}/api/stream?kind=planet`, 1, { headers: auth, timeoutMs: 2000 }))
        .status,
    ).toBe(400);
  });

  it('replays what a reconnecting client missed, exactly once and in order, and streams live events', async () => {
    for (let n = 1; n <= 3; n++) await changed(n, 1);
    const first = await readSse(`${url}/api/stream?lastEventId=0`, 2, { headers: auth });
    expect(first.status).toBe(200);
    expect(first.events.map((e) => JSON.parse(e.data).data.itemId)).toEqual([item(1), item(2)]);
    // Disconnected; meanwhile more happens (and one event is redelivered by Kafka).
    await changed(4, 1);
    await changed(2, 2);
    await changed(2, 2);
    const resumed = await readSse(`${url}/api/stream`, 3, {
      headers: { ...auth, 'last-event-id': first.events[1].id! },
    });
    expect(resumed.events.map((e) => JSON.parse(e.data).id)).toEqual([
      `item:${item(3)}:v1`,
      `item:${item(4)}:v1`,
      `item:${item(2)}:v2`,
    ]);
    // A client that starts without an id gets what happens from now on.
    const live = readSse(`${url}/api/stream?access_token=${token}`, 1);
    await new Promise((r) => setTimeout(r, 300));
    await changed(5, 1);
    expect((await live).events.map((e) => JSON.parse(e.data).data.itemId)).toEqual([item(5)]);
  });

  it('filters by event type, kind and item', async () => {
    await changed(6, 1, 'event');
    await store.add(
      wrap(
        ALERT_RAISED,
        {
          alertKey: `${item(6)}:due:2026-01-01`,
          itemId: item(6),
          reason: 'due',
          dueDate: '2026-01-01',
          daysUntilDue: 0,
          fireAt: new Date().toISOString(),
          raisedAt: new Date().toISOString(),
          late: false,
          kind: 'event',
          actor: 'Secretariat',
          action: 'task 6',
          owner: null,
          recipients: 0,
        },
        { source: '/test', id: `alert:${item(6)}:due:2026-01-01` },
      ),
    );
    const events = await readSse(`${url}/api/stream?lastEventId=0&kind=event`, 2, {
      headers: auth,
    });
    expect(events.events.map((e) => e.event)).toEqual(['commitment.changed.v1', 'alert.raised.v1']);
    const alerts = await readSse(
      `${url}/api/stream?lastEventId=0&types=alert.raised.v1&itemId=${item(6)}`,
      1,
      { headers: auth },
    );
    expect(alerts.events.map((e) => e.event)).toEqual(['alert.raised.v1']);
  });

  it('tells a client that resumes from before what is kept about the gap', async () => {
    await changed(9, 1, 'pledge');
    const aged = await queryRows(
      h.db.url,
      `UPDATE dashboard.stream_events SET received_at = now() - interval '40 days' WHERE seq < (SELECT max(seq) FROM dashboard.stream_events) RETURNING seq`,
    );
    expect(aged.length).toBeGreaterThan(2);
    // Exactly those: the count is of rows deleted, not of the driver's answer.
    expect(await h.app.get(StreamRetention).prune()).toBe(aged.length);
    const { events } = await readSse(`${url}/api/stream?kind=pledge`, 2, {
      headers: { ...auth, 'last-event-id': '1' },
    });
    expect(events.map((e) => e.event)).toEqual(['gap', 'commitment.changed.v1']);
    expect(JSON.parse(events[0].data)).toEqual({
      lastEventId: '1',
      oldestKept: expect.any(String),
    });
  });

  it('numbers events in commit order: a writer waits while another one has not committed', async () => {
    const runner = h.app.get(DataSource).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let second: Promise<void> | undefined;
    try {
      await store.addMany(runner.manager, [changedEvent(70, 1)]);
      let secondDone = false;
      second = store.add(changedEvent(71, 1)).then(() => {
        secondDone = true;
      });
      // It waits on the writers' lock: had it gone ahead, a client could read
      // 71's number and then never see 70's.
      await waitForLockWait(h.db.url, 'advisory');
      expect(secondDone).toBe(false);
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    await second;
    const rows = await queryRows<{ item_id: string }>(
      h.db.url,
      `SELECT item_id FROM dashboard.stream_events WHERE item_id = ANY($1::uuid[]) ORDER BY seq`,
      [[item(70), item(71)]],
    );
    expect(rows.map((r) => r.item_id)).toEqual([item(70), item(71)]);
  });
});

/** An open stream is a standing read: it ends when its user loses access, and one user cannot hold many. */
describe('GET /api/stream: access over time', () => {
  let h: InProcessApp;
  const person = testUser('viewer', 'stream-watcher');

  beforeAll(async () => {
    h = await startDashboard('stream_access', {
      JWT_PUBLIC_KEY: TEST_KEYS.publicKey,
      STREAM_MAX_PER_USER: '2',
      STREAM_RECHECK_MS: '300',
    });
    await h.app.get(PrincipalsRepository).apply([person.principal]);
  });
  afterAll(() => h?.close());

  it('caps open streams per user with 429', async () => {
    const headers = { authorization: `Bearer ${person.token()}` };
    const held = [0, 1].map(() => readSse(`${h.url}/api/stream`, 99, { headers, timeoutMs: 3000 }));
    await new Promise((r) => setTimeout(r, 500));
    const third = await readSse(`${h.url}/api/stream`, 1, { headers, timeoutMs: 1000 });
    expect(third.status).toBe(429);
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    // Closed streams no longer count.
    await new Promise((r) => setTimeout(r, 200));
    expect((await readSse(`${h.url}/api/stream`, 1, { headers, timeoutMs: 1000 })).status).toBe(
      200,
    );
  });

  it('ends an open stream with signed-out once the user is disabled, and when the token expires', async () => {
    const headers = { authorization: `Bearer ${person.token()}` };
    const open = readSse(`${h.url}/api/stream`, 1, { headers, timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 300));
    await h.app
      .get(PrincipalsRepository)
      .apply([{ ...person.principal, version: 2, active: false }]);
    const started = Date.now();
    const ended = await open;
    expect(ended.events.map((e) => e.event)).toEqual(['signed-out']);
    expect(JSON.parse(ended.events[0].data).reason).toMatch(/disabled/);
    expect(Date.now() - started).toBeLessThan(6000);

    const brief = testUser('viewer', 'brief-visitor');
    await h.app.get(PrincipalsRepository).apply([brief.principal]);
    const short = { authorization: `Bearer ${brief.token({ expiresIn: 2 })}` };
    const expiring = await readSse(`${h.url}/api/stream`, 1, { headers: short, timeoutMs: 10_000 });
    expect(expiring.status).toBe(200);
    expect(expiring.events.map((e) => e.event)).toEqual(['signed-out']);
    expect(JSON.parse(expiring.events[0].data).reason).toMatch(/expired/);
  });
});
