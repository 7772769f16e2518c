import { randomUUID } from 'node:crypto';
import { RegisterService } from '../src/register/register.service';
import { ADMIN, call, extracted, login, startCommitments, type Harness } from './harness';

const DECLARATION = '00000000-0000-4000-8000-0000000000d1';
const REPORT = '00000000-0000-4000-8000-0000000000d2';
const OTHER = '00000000-0000-4000-8000-0000000000d3';

// GET /reports/compliance over HTTP: who may read it, what it refuses, what it counts.
describe('compliance report API', () => {
  let h: Harness;
  let admin: string;
  let viewer: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    h = await startCommitments('compliance');
    const register = h.app.get(RegisterService);
    const put = (
      documentId: string,
      index: number,
      actor: string,
      action: string,
      deadline: string,
    ) =>
      register.onCommitmentExtracted(
        extracted({ documentId, index, actor, action, deadline, deadlineSource: 'explicit' }),
      );
    await put(DECLARATION, 0, 'Secretariat', 'compile the statistical yearbook', '2020-03');
    await put(DECLARATION, 1, 'Secretariat', 'draft the staff regulations', '2020-06');
    await put(DECLARATION, 2, 'ministers of energy', 'connect the power grids', '2099-12');
    await put(REPORT, 0, 'ministers of culture', 'publish a joint anthology', '2099-06');
    await put(OTHER, 0, 'Secretariat', 'organise a youth forum', '2099-01');
    admin = await login(h.url, ADMIN.email, ADMIN.password);
    const all = await call(h.url, 'GET', '/items?limit=10', { token: admin });
    ids = Object.fromEntries(
      all.body.items.map((i: { id: string; action: string }) => [i.action, i.id]),
    );
    // One finished, one under way; the grid connection is not started.
    for (const [action, status] of [
      ['compile the statistical yearbook', 'done'],
      ['connect the power grids', 'in_progress'],
    ]) {
      const res = await call(h.url, 'POST', `/items/${ids[action]}/status`, {
        token: admin,
        body: { status, note: 'as reported' },
      });
      expect(res.status).toBe(200);
    }
    await call(h.url, 'POST', '/users', {
      token: admin,
      body: { email: 'viewer@example.org', password: 'a-long-password-1', role: 'viewer' },
    });
    viewer = await login(h.url, 'viewer@example.org', 'a-long-password-1');
  });
  afterAll(() => h?.close());

  it('needs a credential, and lets any signed-in role read it', async () => {
    const path = `/reports/compliance?document=${DECLARATION}`;
    expect((await call(h.url, 'GET', path)).status).toBe(401);
    expect((await call(h.url, 'GET', path, { token: 'not-a-token' })).status).toBe(401);
    expect((await call(h.url, 'GET', path, { token: viewer })).status).toBe(200);
  });

  it('reports a summit’s documents together: outcomes, shares, on-time rate, history', async () => {
    const res = await call(
      h.url,
      'GET',
      `/reports/compliance?document=${DECLARATION}&document=${REPORT}`,
      { token: viewer },
    );
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.total).toBe(4);
    // Marked done today, years after its due date: done late. The staff regulations are overdue.
    expect(r.counts).toEqual({
      done: 0,
      done_late: 1,
      in_progress: 1,
      overdue: 1,
      not_started: 1,
      cancelled: 0,
    });
    expect(r.onTimeRate).toBe(0);
    expect(r.shares.in_progress).toBe(0.25);
    const yearbook = r.items.find(
      (i: { id: string }) => i.id === ids['compile the statistical yearbook'],
    );
    expect(yearbook).toMatchObject({
      outcome: 'done_late',
      status: 'done',
      documents: [DECLARATION],
    });
    expect(yearbook.history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'status', from: 'open', to: 'done', note: 'as reported' }),
      ]),
    );
    expect(r.timeline.at(-1).counts).toEqual(r.counts);
  });

  it('narrows by actor, kind and period of due dates', async () => {
    const byActor = await call(h.url, 'GET', '/reports/compliance?actor=secretariat', {
      token: viewer,
    });
    expect(byActor.body.total).toBe(3); // across every document
    const period = await call(
      h.url,
      'GET',
      `/reports/compliance?actor=secretariat&dueAfter=2020-05-01&dueBefore=2020-12-31`,
      { token: viewer },
    );
    expect(period.body.items.map((i: { action: string }) => i.action)).toEqual([
      'draft the staff regulations',
    ]);
    const events = await call(h.url, 'GET', `/reports/compliance?actor=secretariat&kind=event`, {
      token: viewer,
    });
    expect(events.body.total).toBe(0);
    const unknown = await call(h.url, 'GET', `/reports/compliance?document=${randomUUID()}`, {
      token: viewer,
    });
    expect(unknown.body).toMatchObject({ total: 0, onTimeRate: null, timeline: [] });
  });

  it('answers a report without a scope, or with a malformed one, with 400 saying what is wrong', async () => {
    const none = await call(h.url, 'GET', '/reports/compliance', { token: viewer });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('give at least one document');
    const bad = await call(h.url, 'GET', '/reports/compliance?document=12&kind=planet', {
      token: viewer,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/document|kind/);
    const backwards = await call(
      h.url,
      'GET',
      '/reports/compliance?actor=x&dueAfter=2027-01-01&dueBefore=2026-01-01',
      { token: viewer },
    );
    expect(backwards.status).toBe(400);
  });
});
