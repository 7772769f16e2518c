import { newSigningKeyPair } from '@ct/platform';
import { PrincipalsRepository } from '@ct/access';
import { queryRows, testApiKey, testUser } from '@ct/testing';
import { signedIn, startIngestion, upload, USERS, type IngestionHarness } from './harness';

/** A key that is not the commitments service's. */
const OTHER_KEY = newSigningKeyPair().privateKey;

const TEXT =
  'The ministers asked the working group to draft a common tariff schedule by June 2027.';

/** Who may add and read documents: every way in needs a credential with the right to it. */
describe('ingestion: who may add and read documents', () => {
  let h: IngestionHarness;
  const ingestKey = testApiKey('feed-robot', ['ingest']);
  const readKey = testApiKey('archive-reader', ['read']);
  const revokedKey = testApiKey('old-robot', ['ingest'], { active: false, version: 2 });
  const disabled = testUser('coordinator', 'left-the-team', { active: false, version: 3 });
  const changed = testUser('coordinator', 'changed-role', { version: 2 });

  const count = async () =>
    Number(
      (await queryRows<{ n: string }>(h.db.url, 'SELECT count(*) AS n FROM ingestion.documents'))[0]
        .n,
    );
  const post = (headers: Record<string, string>, body: unknown = { text: TEXT }) =>
    fetch(`${h.url}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    h = await startIngestion('ingest_access');
    await h.app
      .get(PrincipalsRepository)
      .apply(
        [ingestKey, readKey, revokedKey]
          .map((k) => k.principal)
          .concat(disabled.principal, changed.principal),
      );
  });
  afterAll(() => h?.close());

  it('refuses anonymous, forged and viewers’ documents, by JSON and by upload, storing nothing', async () => {
    const anonymous = await post({});
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toMatch(/Bearer|X-API-Key/);
    expect((await upload(h.url, TEXT, { name: 'a.txt', headers: {} })).status).toBe(401);
    const forged = USERS.admin.token({ privateKey: OTHER_KEY });
    expect((await post({ authorization: `Bearer ${forged}` })).status).toBe(401);
    const viewer = await post(signedIn('viewer'));
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { message: string }).message).toMatch(/viewers read only/);
    expect((await upload(h.url, TEXT, { name: 'a.txt', headers: signedIn('viewer') })).status).toBe(
      403,
    );
    // A key that may only read, a revoked key, an unknown one.
    expect((await post({ 'x-api-key': readKey.key })).status).toBe(403);
    expect((await post({ 'x-api-key': revokedKey.key })).status).toBe(401);
    expect((await post({ 'x-api-key': 'ctk_made_up' })).status).toBe(401);
    expect(await count()).toBe(0);
  });

  it('refuses tokens of disabled users, tokens from before a change, other audiences and other issuers', async () => {
    expect((await post({ authorization: `Bearer ${disabled.token()}` })).status).toBe(401);
    const stale = await post({
      authorization: `Bearer ${changed.token({ version: 1 })}`,
    });
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { message: string }).message).toMatch(/sign in again/);
    const forDashboard = USERS.admin.token({ audience: ['dashboard'] });
    expect((await post({ authorization: `Bearer ${forDashboard}` })).status).toBe(401);
    expect(await count()).toBe(0);
  });

  it('takes documents from coordinators, admins and ingest keys, and records who sent each', async () => {
    const a = await post(signedIn('coordinator'), { text: `${TEXT} (one)` });
    expect(a.status).toBe(201);
    const b = await upload(h.url, `${TEXT} (two)`, { name: 'b.txt', headers: signedIn('admin') });
    expect(b.status).toBe(201);
    const c = await post({ 'x-api-key': ingestKey.key }, { text: `${TEXT} (three)` });
    expect(c.status).toBe(201);
    const senders = await queryRows<{ received_by: string }>(
      h.db.url,
      'SELECT received_by FROM ingestion.documents ORDER BY received_at',
    );
    expect(senders.map((s) => s.received_by)).toEqual([
      'coordinator@example.org',
      'admin@example.org',
      'api-key:feed-robot',
    ]);
    const { id } = (await a.json()) as { id: string };
    expect((await fetch(`${h.url}/documents/${id}`)).status).toBe(401);
    expect((await fetch(`${h.url}/documents/${id}`, { headers: signedIn('viewer') })).status).toBe(
      200,
    );
    expect(
      (await fetch(`${h.url}/documents/${id}`, { headers: { 'x-api-key': readKey.key } })).status,
    ).toBe(200);
  });

  it('lists documents, newest first and without their text, to any signed-in user or reading key', async () => {
    expect((await fetch(`${h.url}/documents`)).status).toBe(401);
    const list = await fetch(`${h.url}/documents?limit=2`, { headers: signedIn('viewer') });
    expect(list.status).toBe(200);
    const page = (await list.json()) as {
      total: number;
      items: { id: string; fileName: string | null; receivedAt: string }[];
    };
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items).toHaveLength(2);
    expect(page.items[0].receivedAt >= page.items[1].receivedAt).toBe(true);
    expect(JSON.stringify(page)).not.toContain('common tariff schedule'); // no texts
    const found = await fetch(`${h.url}/documents?q=b.tx`, {
      headers: { 'x-api-key': readKey.key },
    });
    expect(((await found.json()) as typeof page).items.map((i) => i.fileName)).toEqual(['b.txt']);
    // LIKE's own wildcards are text here.
    const none = await fetch(`${h.url}/documents?q=%25%25`, { headers: signedIn('viewer') });
    expect(((await none.json()) as typeof page).items).toEqual([]);
    const bad = await fetch(`${h.url}/documents?limit=1000`, { headers: signedIn('viewer') });
    expect(bad.status).toBe(400);
  });

  it('stops taking a revoked key and a disabled user at the next request after the cache', async () => {
    const robot = testApiKey('robot-to-revoke', ['ingest']);
    const person = testUser('coordinator', 'to-disable');
    await h.app.get(PrincipalsRepository).apply([robot.principal, person.principal]);
    expect((await post({ 'x-api-key': robot.key }, { text: `${TEXT} (four)` })).status).toBe(201);
    const bearer = { authorization: `Bearer ${person.token()}` };
    expect((await post(bearer, { text: `${TEXT} (five)` })).status).toBe(201);
    await h.app.get(PrincipalsRepository).apply([
      { ...robot.principal, version: 2, active: false },
      { ...person.principal, version: 2, active: false },
    ]);
    // Older news changes nothing once newer is known.
    await h.app.get(PrincipalsRepository).apply([robot.principal]);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await post({ 'x-api-key': robot.key }, { text: `${TEXT} (six)` })).status).toBe(401);
    expect((await post(bearer, { text: `${TEXT} (seven)` })).status).toBe(401);
  });

  it('refuses a publication date after the day of receipt with 422, and ignores a future dateline', async () => {
    const res = await post(signedIn(), {
      text: 'The next summit will be held in Bishkek on 2 January 2100.',
      published: '2099-01-01',
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /later than the day it was received/,
    );
    const dated = await post(signedIn(), {
      text: 'Bishkek, 3 March 2098\n\nThe ministers will meet again next year.',
    });
    expect(dated.status).toBe(201);
    const { id } = (await dated.json()) as { id: string };
    const doc = (await (
      await fetch(`${h.url}/documents/${id}`, { headers: signedIn() })
    ).json()) as {
      published: string | null;
    };
    expect(doc.published).toBeNull();
  });
});
