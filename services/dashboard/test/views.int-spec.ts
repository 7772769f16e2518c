import { JwtService } from '@nestjs/jwt';
import ICAL from 'ical.js';
import { COMMITMENT_CHANGED, wrap } from '@ct/contracts';
import { DataSource } from 'typeorm';
import { PrincipalsRepository } from '@ct/access';
import { queryRows, type InProcessApp, TEST_KEYS } from '@ct/testing';
import { ItemSnapshotsRepository } from '../src/items/item-snapshots.repository';
import { StreamEventsRepository } from '../src/stream/stream-events.repository';
import { changeData as changed, itemId as id, startDashboard, VIEWER } from './harness';

const today = new Date().toISOString().slice(0, 10);
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

interface Overview {
  byStatus: Record<string, number>;
  upcoming: { itemId: string }[];
  lastEventId: string;
}

/** What the page reads from the dashboard's own read model: overview, CSV export, calendar feed. */
describe('dashboard views', () => {
  let h: InProcessApp;
  let snapshots: ItemSnapshotsRepository;
  const jwt = new JwtService();
  const token = VIEWER.token();
  const auth = { authorization: `Bearer ${token}` };
  const get = (path: string, headers: Record<string, string> = auth) =>
    fetch(`${h.url}${path}`, { headers });

  beforeAll(async () => {
    h = await startDashboard('views', {
      JWT_PUBLIC_KEY: TEST_KEYS.publicKey,
      PUBLIC_URL: 'https://dash.example.org',
    });
    snapshots = h.app.get(ItemSnapshotsRepository);
    await snapshots.apply(changed(1, { dueDate: inDays(-3), deadline: inDays(-3) }));
    await snapshots.apply(changed(2, { dueDate: inDays(20), deadline: inDays(20).slice(0, 7) }));
    await snapshots.apply(
      changed(3, {
        kind: 'event',
        actor: 'Kyrgyz Republic',
        action: 'host the next Summit',
        status: 'scheduled',
        dueDate: inDays(40),
        deadline: inDays(40),
        place: 'Bishkek',
      }),
    );
    await snapshots.apply(
      changed(4, {
        actor: 'Ministers',
        action: '=HYPERLINK("x")',
        status: 'done',
        dueDate: inDays(-9),
      }),
    );
  });
  afterAll(() => h?.close());

  it('keeps the highest version of each item, whatever order and however often events arrive', async () => {
    await snapshots.apply(changed(5, { version: 3, status: 'blocked' }));
    await snapshots.apply(changed(5, { version: 2, status: 'in_progress' }));
    await snapshots.apply(changed(5, { version: 3, status: 'blocked' }));
    const body = (await (await get('/api/overview')).json()) as Overview;
    expect(body.byStatus.blocked).toBe(1);
    expect(body.byStatus.in_progress).toBeUndefined();
    // A batch holding several versions of an item, out of order: its highest wins.
    await snapshots.applyMany(h.app.get(DataSource).manager, [
      changed(5, { version: 5, status: 'cancelled' }),
      changed(5, { version: 4, status: 'done' }),
      changed(5, { version: 2, status: 'in_progress' }),
    ]);
    expect(
      await queryRows(
        h.db.url,
        `SELECT version, status FROM dashboard.item_snapshots WHERE item_id = $1`,
        [id(5)],
      ),
    ).toEqual([{ version: 5, status: 'cancelled' }]);
  });

  it('counts by status and kind, singles out what is overdue, lists the next deadlines', async () => {
    const res = await get('/api/overview');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Overview;
    expect(body).toMatchObject({
      today,
      total: 5,
      overdue: 1, // item 1; item 4 is past due but done
      byKind: { mandate: 4, event: 1 },
      byStatus: { open: 2, scheduled: 1, done: 1, cancelled: 1 },
    });
    expect(body.upcoming.map((u) => u.itemId)).toEqual([id(2), id(3)]);
    expect(body.lastEventId).toMatch(/^\d+$/);
  });

  it('refuses the overview and the export without a valid token', async () => {
    expect((await get('/api/overview', {})).status).toBe(401);
    const forged = jwt.sign(
      { sub: 'x', email: 'x@x.org', role: 'admin' },
      { secret: 'another-secret-another-secret-00' },
    );
    expect((await get('/api/export.csv', { authorization: `Bearer ${forged}` })).status).toBe(401);
  });

  it('opens the item page from the links messages carry (/items/:id), and refuses a malformed id', async () => {
    const res = await fetch(`${h.url}/items/${id(2)}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/#/items/${id(2)}`);
    const bad = await fetch(`${h.url}/items/not-an-id`, { redirect: 'manual' });
    expect(bad.status).toBe(400);
  });

  describe('CSV export', () => {
    const rows = async (query: string) => {
      const res = await get(`/api/export.csv${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="commitments-/);
      const bytes = Buffer.from(await res.arrayBuffer());
      // A byte order mark first, so that Excel reads the UTF-8 as such.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return bytes.subarray(3).toString('utf8').trim().split('\r\n');
    };

    it('exports the current view: same filters and sort as the register', async () => {
      const all = await rows('?sort=due');
      expect(all[0]).toBe(
        'id,kind,actor,action,status,deadline,due_date,overdue,owner,place,sources,updated_at,link',
      );
      // Each row links to its item's page, at the dashboard's public address.
      expect(all[1].split(',').at(-1)).toBe(`https://dash.example.org/items/${id(4)}`);
      expect(all).toHaveLength(6);
      // Due dates ascending, items without one last.
      expect(all.slice(1).map((r) => r.split(',')[0])).toEqual([id(4), id(1), id(2), id(3), id(5)]);
      const overdue = await rows('?overdue=true');
      expect(overdue.slice(1).map((r) => r.split(',')[0])).toEqual([id(1)]);
      expect(overdue[1]).toContain(',yes,');
      const actor = await rows('?actor=the%20%20kyrgyz%20republic&kind=event');
      expect(actor.slice(1).map((r) => r.split(',')[0])).toEqual([id(3)]);
      expect((await rows('?q=report%202')).slice(1).map((r) => r.split(',')[0])).toEqual([id(2)]);
      expect((await rows("?q=%25'%3B--")).length).toBe(1); // LIKE and SQL metacharacters are text
    });

    it('defuses cells a spreadsheet would run as formulas, quoting per RFC 4180', async () => {
      const [, row] = await rows('?actor=Ministers');
      expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    });

    it('answers bad filters with 400 naming them', async () => {
      const res = await get('/api/export.csv?kind=planet&limit=5');
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toMatch(/kind|limit/);
    });
  });

  describe('calendar feed', () => {
    const link = async (query = '') => {
      const res = await fetch(`${h.url}/api/calendar-links${query}`, {
        method: 'POST',
        headers: auth,
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { url: string }).url;
    };

    it('gives a signed-in user a feed URL that calendar apps can subscribe to, and the feed parses', async () => {
      const url = await link();
      expect(url).toMatch(/^https:\/\/dash\.example\.org\/calendar\.ics\?token=/);
      const res = await get(new URL(url).pathname + new URL(url).search, {});
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      const cal = new ICAL.Component(ICAL.parse(await res.text()));
      const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events.map((e) => e.uid).sort()).toEqual(
        [1, 2, 3, 4].map((n) => `${id(n)}@commitment-tracker`).sort(),
      );
      const summit = events.find((e) => e.uid.startsWith(id(3)))!;
      expect(summit.summary).toBe('host the next Summit (Kyrgyz Republic)');
      expect(summit.location).toBe('Bishkek');
      expect(summit.startDate.isDate).toBe(true);
      expect(summit.startDate.toString()).toBe(inDays(40));
      expect(summit.description).toContain(`https://dash.example.org/items/${id(3)}`);
      const task = events.find((e) => e.uid.startsWith(id(2)))!;
      expect(task.summary).toBe('Due: Secretariat — prepare report 2');
      expect(task.description).toContain('Deadline as declared:');
    });

    it('filters by actor and kind', async () => {
      const url = new URL(await link('?kind=event'));
      const text = await (await get(url.pathname + url.search, {})).text();
      expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      const byActor = new URL(await link('?actor=Secretariat'));
      const t2 = await (await get(byActor.pathname + byActor.search, {})).text();
      expect(t2.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    });

    it('binds a link to its filter, lists links without tokens, and revokes them one by one', async () => {
      const events = new URL(await link('?kind=event'));
      // Asking the link for more than it was made for changes nothing.
      const widened = `${events.pathname}${events.search}&kind=mandate&actor=Secretariat`;
      expect((await (await get(widened, {})).text()).match(/BEGIN:VEVENT/g)).toHaveLength(1);
      const other = new URL(await link());
      const mine = (await (await get('/api/calendar-links')).json()) as {
        id: string;
        filter: { kind: string | null };
      }[];
      expect(JSON.stringify(mine)).not.toMatch(/ctc_/);
      const target = mine.filter((l) => l.filter.kind === 'event').at(-1)!;
      const del = await fetch(`${h.url}/api/calendar-links/${target.id}`, {
        method: 'DELETE',
        headers: auth,
      });
      expect(del.status).toBe(204);
      expect((await get(events.pathname + events.search, {})).status).toBe(401);
      expect((await get(other.pathname + other.search, {})).status).toBe(200);
      const stranger = await fetch(
        `${h.url}/api/calendar-links/00000000-0000-4000-8000-000000000000`,
        {
          method: 'DELETE',
          headers: auth,
        },
      );
      expect(stranger.status).toBe(404);
    });

    it('accepts only its own feed tokens, and feed tokens nowhere else', async () => {
      expect((await get('/calendar.ics', {})).status).toBe(401);
      expect((await get(`/calendar.ics?token=${token}`, {})).status).toBe(401);
      const feed = new URL(await link()).searchParams.get('token')!;
      expect((await get('/api/overview', { authorization: `Bearer ${feed}` })).status).toBe(401);
      expect((await get(`/api/stream?access_token=${feed}`, {})).status).toBe(401);
    });
  });

  it('builds the read model from the events kept for the stream when its table is first created', async () => {
    const store = h.app.get(StreamEventsRepository);
    for (const [n, version, status] of [
      [90, 1, 'open'],
      [90, 2, 'in_progress'],
      [91, 1, 'open'],
    ] as const) {
      const data = changed(n, { version, status, actor: 'The  Council of Ministers' });
      await store.add(
        wrap(COMMITMENT_CHANGED, data, { source: '/test', id: `item:${data.itemId}:v${version}` }),
      );
    }
    const ds = h.app.get(DataSource);
    // As before the dashboard version that added item_snapshots (and what came after it).
    for (;;) {
      const [last] = (await ds.query(
        `SELECT name FROM dashboard.migrations ORDER BY id DESC LIMIT 1`,
      )) as { name: string }[];
      if (last.name.startsWith('StreamEvents')) break;
      await ds.undoLastMigration();
    }
    await ds.runMigrations();
    await h.app.get(PrincipalsRepository).apply([VIEWER.principal]);
    const rows = await ds.query(
      `SELECT item_id, version, status, actor_key FROM dashboard.item_snapshots ORDER BY item_id`,
    );
    // Only what the stream kept: the items applied directly above are not in it.
    expect(rows).toEqual([
      { item_id: id(90), version: 2, status: 'in_progress', actor_key: 'council of ministers' },
      { item_id: id(91), version: 1, status: 'open', actor_key: 'council of ministers' },
    ]);
  });

  it('tells the page where the services are', async () => {
    const res = await get('/config.json', {});
    expect(await res.json()).toEqual({
      commitmentsUrl: 'http://127.0.0.1:3002',
      ingestionUrl: 'http://127.0.0.1:3001',
      notificationsUrl: 'http://127.0.0.1:3003',
    });
  });
});
