import { queryRows } from '@ct/testing';
import { RegisterService } from '../src/register/register.service';
import { ADMIN, call, extracted, login, startCommitments, type Harness } from './harness';

const DOC = '00000000-0000-4000-8000-0000000000aa';

// The coordinators' REST API over HTTP: sign-in, roles, lifecycle, filters.
describe('coordinators API', () => {
  let h: Harness;
  let admin: string;
  let coordinator: string;
  let viewer: string;
  let mandateId: string;
  let eventId: string;
  let otherId: string;

  beforeAll(async () => {
    h = await startCommitments('api');
    const register = h.app.get(RegisterService);
    await register.onCommitmentExtracted(
      extracted({ documentId: DOC, index: 0, deadline: '2020-05', deadlineSource: 'explicit' }),
    );
    await register.onCommitmentExtracted(
      extracted({
        documentId: DOC,
        index: 1,
        kind: 'event',
        actor: 'Republic of Kazakhstan',
        action: 'host the Regional Climate Summit',
        deadline: '2030',
        deadlineSource: 'explicit',
        meeting: { noun: 'summit', ordinal: null, place: 'Astana' },
      }),
    );
    await register.onCommitmentExtracted(
      extracted({
        documentId: DOC,
        index: 2,
        actor: 'ministers of transport',
        action: 'harmonise rail tariffs',
      }),
    );
    const ids = await call(h.url, 'GET', '/items?sort=created&limit=10', {
      token: (admin = await login(h.url, ADMIN.email, ADMIN.password)),
    });
    [mandateId, eventId, otherId] = ids.body.items.map((i: { id: string }) => i.id);

    for (const [email, role, actors] of [
      ['coord@example.org', 'coordinator', ['Secretariat', 'Republic of Kazakhstan']],
      ['viewer@example.org', 'viewer', []],
    ] as const) {
      const res = await call(h.url, 'POST', '/users', {
        token: admin,
        body: { email, password: 'a-long-password-1', role, actors },
      });
      expect(res.status).toBe(201);
    }
    coordinator = await login(h.url, 'coord@example.org', 'a-long-password-1');
    viewer = await login(h.url, 'viewer@example.org', 'a-long-password-1');
  });
  afterAll(() => h?.close());

  describe('authentication', () => {
    it('refuses requests without a token, with a forged one, or with a wrong password', async () => {
      expect((await call(h.url, 'GET', '/items')).status).toBe(401);
      const forged = `${admin.split('.').slice(0, 2).join('.')}.${'A'.repeat(43)}`;
      expect((await call(h.url, 'GET', '/items', { token: forged })).status).toBe(401);
      const wrong = await call(h.url, 'POST', '/auth/login', {
        body: { email: ADMIN.email, password: 'nope' },
      });
      expect(wrong).toEqual({
        status: 401,
        body: expect.objectContaining({ message: 'wrong email or password' }),
      });
    });

    it('accepts an API key created by an admin, and only that key', async () => {
      const created = await call(h.url, 'POST', '/api-keys', {
        token: admin,
        body: { name: 'dashboard', role: 'viewer' },
      });
      expect(created.status).toBe(201);
      const key = created.body.key as string;
      expect((await call(h.url, 'GET', '/items', { headers: { 'x-api-key': key } })).status).toBe(
        200,
      );
      expect(
        (await call(h.url, 'GET', '/items', { headers: { 'x-api-key': `${key}x` } })).status,
      ).toBe(401);
    });

    it('keeps health public and serves the OpenAPI document', async () => {
      expect((await call(h.url, 'GET', '/health')).status).toBe(200);
      const docs = await call(h.url, 'GET', '/docs-json');
      expect(docs.status).toBe(200);
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining(['/items', '/items/{id}/status', '/auth/login']),
      );
    });
  });

  describe('roles', () => {
    it('lets a viewer read but not write', async () => {
      expect((await call(h.url, 'GET', `/items/${mandateId}`, { token: viewer })).status).toBe(200);
      const res = await call(h.url, 'POST', `/items/${mandateId}/status`, {
        token: viewer,
        body: { status: 'in_progress' },
      });
      expect(res).toEqual({
        status: 403,
        body: expect.objectContaining({ message: expect.stringContaining('coordinator or admin') }),
      });
    });

    it("refuses a coordinator another actor's item with 403, and allows their own", async () => {
      const other = await call(h.url, 'POST', `/items/${otherId}/status`, {
        token: coordinator,
        body: { status: 'in_progress' },
      });
      expect(other.status).toBe(403);
      expect(other.body.message).toMatch(/not "ministers of transport"/);
      const own = await call(h.url, 'POST', `/items/${mandateId}/status`, {
        token: coordinator,
        body: { status: 'in_progress', note: 'started' },
      });
      expect(own.status).toBe(200);
      expect(own.body.status).toBe('in_progress');
    });

    it('keeps user management to admins', async () => {
      expect((await call(h.url, 'GET', '/users', { token: coordinator })).status).toBe(403);
      expect((await call(h.url, 'GET', '/users', { token: admin })).status).toBe(200);
    });
  });

  describe('lifecycle', () => {
    it.each([
      ['event', 'scheduled', 'postponed', 200],
      ['event', 'postponed', 'scheduled', 200],
      ['event', 'scheduled', 'held', 200],
      ['event', 'held', 'scheduled', 409],
      ['event', 'held', 'open', 409],
      ['mandate', 'in_progress', 'blocked', 200],
      ['mandate', 'blocked', 'done', 409],
      ['mandate', 'blocked', 'open', 200],
      ['mandate', 'open', 'done', 200],
      ['mandate', 'done', 'cancelled', 409],
      ['mandate', 'done', 'scheduled', 409],
      ['mandate', 'done', 'in_progress', 200],
      ['mandate', 'in_progress', 'cancelled', 200],
      ['mandate', 'cancelled', 'open', 200],
    ] as const)('%s %s → %s answers %i', async (kind, from, to, status) => {
      const id = kind === 'event' ? eventId : mandateId;
      const before = await call(h.url, 'GET', `/items/${id}`, { token: admin });
      expect(before.body.status).toBe(from);
      const res = await call(h.url, 'POST', `/items/${id}/status`, {
        token: admin,
        body: { status: to },
      });
      expect(res.status).toBe(status);
      if (status === 409)
        expect(res.body.message).toMatch(new RegExp(`cannot go from "${from}" to "${to}"`));
    });

    it('refuses an unknown status with 400 naming the field', async () => {
      const res = await call(h.url, 'POST', `/items/${mandateId}/status`, {
        token: admin,
        body: { status: 'finished' },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('status');
    });

    it('keeps every change in the history with who, what and the note', async () => {
      const res = await call(h.url, 'GET', `/items/${mandateId}`, { token: admin });
      const statusChanges = res.body.history.filter((e: { field: string }) => e.field === 'status');
      expect(statusChanges[0]).toMatchObject({
        by: 'coord@example.org',
        from: 'open',
        to: 'in_progress',
        note: 'started',
      });
      expect(statusChanges.map((e: { to: string }) => e.to)).toEqual([
        'in_progress',
        'blocked',
        'open',
        'done',
        'in_progress',
        'cancelled',
        'open',
      ]);
    });
  });

  describe('corrections, owners, comments', () => {
    it('marks a hand-corrected deadline so that extraction leaves it alone', async () => {
      const res = await call(h.url, 'PATCH', `/items/${mandateId}`, {
        token: coordinator,
        body: { deadline: '2031-03-15', note: 'per the minutes' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        deadline: '2031-03-15',
        dueDate: '2031-03-15',
        manual: { deadline: true, action: false },
      });
      await h.app.get(RegisterService).onCommitmentExtracted(
        extracted({
          documentId: '00000000-0000-4000-8000-0000000000bb',
          deadline: '2032',
          deadlineSource: 'explicit',
          published: '2030-01-01',
        }),
      );
      const after = await call(h.url, 'GET', `/items/${mandateId}`, { token: admin });
      expect(after.body).toMatchObject({ deadline: '2031-03-15', sourceCount: 2 });
    });

    it('records the clause number: in the item, its history and its commitment.changed event', async () => {
      const res = await call(h.url, 'PATCH', `/items/${eventId}`, {
        token: coordinator,
        body: { reference: ' III.4 ' },
      });
      expect(res.status).toBe(200);
      expect(res.body.reference).toBe('III.4');
      const item = await call(h.url, 'GET', `/items/${eventId}`, { token: viewer });
      expect(item.body.reference).toBe('III.4');
      expect(item.body.history.at(-1)).toMatchObject({
        field: 'reference',
        from: null,
        to: 'III.4',
      });
      const [event] = await queryRows<{ data: { reference: string; version: number } }>(
        h.db.url,
        `SELECT payload->'data' AS data FROM commitments.outbox
          WHERE payload->>'type' = 'commitment.changed.v1' AND payload->'data'->>'itemId' = $1
          ORDER BY seq DESC LIMIT 1`,
        [eventId],
      );
      expect(event.data).toMatchObject({ reference: 'III.4', version: item.body.version });
      const untouched = await call(h.url, 'GET', `/items/${otherId}`, { token: viewer });
      expect(untouched.body.reference).toBeNull();
      const tooLong = await call(h.url, 'PATCH', `/items/${eventId}`, {
        token: coordinator,
        body: { reference: 'x'.repeat(41) },
      });
      expect(tooLong.status).toBe(400);
    });

    it('assigns an owner and stores a comment', async () => {
      expect(
        (
          await call(h.url, 'PUT', `/items/${mandateId}/owner`, {
            token: coordinator,
            body: { owner: 'a.coordinator@example.org' },
          })
        ).body.owner,
      ).toBe('a.coordinator@example.org');
      expect(
        (
          await call(h.url, 'POST', `/items/${mandateId}/comments`, {
            token: coordinator,
            body: { body: 'Draft circulated.' },
          })
        ).status,
      ).toBe(201);
      const res = await call(h.url, 'GET', `/items/${mandateId}`, { token: viewer });
      expect(res.body.comments).toEqual([
        expect.objectContaining({ author: 'coord@example.org', body: 'Draft circulated.' }),
      ]);
      expect(res.body.sources).toHaveLength(2);
      // What the page may offer next, by the lifecycle of its kind and current status.
      expect(res.body.status).toBe('open');
      expect(res.body.nextStatuses).toEqual(['in_progress', 'blocked', 'cancelled', 'done']);
      expect(res.body.mayChange).toBe(false); // a viewer
      const asCoordinator = await call(h.url, 'GET', `/items/${mandateId}`, { token: coordinator });
      expect(asCoordinator.body.mayChange).toBe(true);
    });
  });

  describe('listing', () => {
    it.each([
      ['kind=event', [1]],
      ['actor=Ministers%20of%20Transport', [2]],
      ['actor=transport', []],
      ['q=rail%20tariffs', [2]],
      ['dueAfter=2029-01-01', [0, 1]],
      ['dueBefore=2029-01-01', []],
      ['status=open', [0, 2]],
      [`documentId=${DOC}`, [0, 1, 2]],
      ['overdue=false', [0, 1, 2]],
      ['open=true', [0, 2]],
      ['open=false', [1]],
    ])('filters by %s', async (query, expected) => {
      const res = await call(h.url, 'GET', `/items?sort=created&${query}`, { token: viewer });
      expect(res.status).toBe(200);
      const all = [mandateId, eventId, otherId];
      expect(res.body.items.map((i: { id: string }) => all.indexOf(i.id))).toEqual(expected);
    });

    it('derives overdue from the due date and status', async () => {
      await call(h.url, 'PATCH', `/items/${otherId}`, {
        token: admin,
        body: { deadline: '2020-01' },
      });
      const res = await call(h.url, 'GET', '/items?overdue=true', { token: viewer });
      expect(
        res.body.items.map((i: { id: string; overdue: boolean }) => [i.id, i.overdue]),
      ).toEqual([[otherId, true]]);
    });

    it.each([
      'limit=0',
      'limit=100000',
      'offset=-1',
      'kind=treaty',
      "actor=x'%3B%20DROP%20TABLE",
      'dueBefore=tomorrow',
      'unknown=1',
    ])('answers %s with 400 or a safe result', async (query) => {
      const res = await call(h.url, 'GET', `/items?${query}`, { token: viewer });
      expect([200, 400]).toContain(res.status);
      if (res.status === 400) expect(res.body.errors.length).toBeGreaterThan(0);
    });
  });
});
