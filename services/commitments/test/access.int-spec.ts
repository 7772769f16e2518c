import { queryRows } from '@ct/testing';
import { ADMIN, call, login, startCommitments, type Harness } from './harness';
import { hashWith } from './weak-hash';

interface Announced {
  principalId: string;
  kind: string;
  version: number;
  active: boolean;
  role: string;
  scopes: string[];
  keyHash: string | null;
}

/** Revocation: keys, users and roles change at the next request, are audited, and are announced to the other services. */
describe('access: revoke, disable, delete, change roles', () => {
  let h: Harness;
  let admin: string;
  const announced = async (id: string) =>
    (
      await queryRows<{ data: Announced }>(
        h.db.url,
        `SELECT payload->'data' AS data FROM commitments.outbox
          WHERE payload->>'type' = 'principal.changed.v1' AND payload->'data'->>'principalId' = $1
          ORDER BY seq`,
        [id],
      )
    ).map((r) => r.data);

  beforeAll(async () => {
    h = await startCommitments('access');
    admin = await login(h.url, ADMIN.email, ADMIN.password);
  });
  afterAll(() => h?.close());

  it('revokes an API key everywhere: refused here at once, announced inactive, audited', async () => {
    const created = await call(h.url, 'POST', '/api-keys', {
      token: admin,
      body: { name: 'newswire', role: 'viewer', scopes: ['ingest'] },
    });
    expect(created.status).toBe(201);
    const { id, key } = created.body as { id: string; key: string };
    expect((await call(h.url, 'GET', '/items', { headers: { 'x-api-key': key } })).status).toBe(
      200,
    );
    const listed = await call(h.url, 'GET', '/api-keys', { token: admin });
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, scopes: ['ingest'], revokedAt: null }),
      ]),
    );
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const revoked = await call(h.url, 'DELETE', `/api-keys/${id}`, { token: admin });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await call(h.url, 'GET', '/items', { headers: { 'x-api-key': key } })).status).toBe(
      401,
    );
    expect((await call(h.url, 'DELETE', `/api-keys/${id}`, { token: admin })).status).toBe(200);
    expect(
      (
        await call(h.url, 'DELETE', '/api-keys/00000000-0000-4000-8000-000000000000', {
          token: admin,
        })
      ).status,
    ).toBe(404);

    const states = await announced(id);
    expect(states.map((s) => [s.version, s.active])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(states[0].keyHash).toMatch(/^[a-f0-9]{64}$/);
    const audit = await call(h.url, 'GET', '/access-audit', { token: admin });
    expect(
      audit.body
        .filter((a: { targetId: string }) => a.targetId === id)
        .map((a: { action: string }) => a.action),
    ).toEqual(['api-key.revoked', 'api-key.created']);
    expect(JSON.stringify(audit.body)).not.toContain(key);
  });

  it('signs a user out everywhere when their role changes, and refuses them once disabled or deleted', async () => {
    const made = await call(h.url, 'POST', '/users', {
      token: admin,
      body: { email: 'moves@example.org', password: 'a-password-long-enough', role: 'coordinator' },
    });
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    const first = await login(h.url, 'moves@example.org', 'a-password-long-enough');
    expect((await call(h.url, 'GET', '/items', { token: first })).status).toBe(200);

    const demoted = await call(h.url, 'PATCH', `/users/${id}`, {
      token: admin,
      body: { role: 'viewer' },
    });
    expect(demoted.body).toMatchObject({ role: 'viewer', disabled: false });
    const stale = await call(h.url, 'GET', '/items', { token: first });
    expect(stale.status).toBe(401);
    expect(stale.body.message).toMatch(/sign in again/);
    const second = await login(h.url, 'moves@example.org', 'a-password-long-enough');
    expect((await call(h.url, 'GET', '/auth/me', { token: second })).body.role).toBe('viewer');

    expect(
      (await call(h.url, 'PATCH', `/users/${id}`, { token: admin, body: { disabled: true } }))
        .status,
    ).toBe(200);
    expect((await call(h.url, 'GET', '/items', { token: second })).status).toBe(401);
    const refused = await call(h.url, 'POST', '/auth/login', {
      body: { email: 'moves@example.org', password: 'a-password-long-enough' },
    });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/disabled/);

    expect((await call(h.url, 'DELETE', `/users/${id}`, { token: admin })).status).toBe(204);
    expect((await call(h.url, 'DELETE', `/users/${id}`, { token: admin })).status).toBe(404);
    const states = await announced(id);
    expect(states.map((s) => [s.version, s.active, s.role])).toEqual([
      [1, true, 'coordinator'],
      [2, true, 'viewer'],
      [3, false, 'viewer'],
      [4, false, 'viewer'],
    ]);
  });

  it('never leaves the register without an active admin, and keeps changes to access for admins', async () => {
    const me = (await call(h.url, 'GET', '/auth/me', { token: admin })).body.id as string;
    for (const [method, body] of [
      ['PATCH', { role: 'coordinator' }],
      ['PATCH', { disabled: true }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(h.url, method, `/users/${me}`, { token: admin, body });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/last active admin/);
    }
    expect((await call(h.url, 'PATCH', `/users/${me}`, { token: admin, body: {} })).status).toBe(
      400,
    );
    expect(
      (await call(h.url, 'PATCH', `/users/not-a-uuid`, { token: admin, body: { role: 'viewer' } }))
        .status,
    ).toBe(400);

    await call(h.url, 'POST', '/users', {
      token: admin,
      body: { email: 'coord@example.org', password: 'a-password-long-enough', role: 'coordinator' },
    });
    const coord = await login(h.url, 'coord@example.org', 'a-password-long-enough');
    for (const [method, path] of [
      ['GET', '/api-keys'],
      ['DELETE', `/api-keys/${me}`],
      ['PATCH', `/users/${me}`],
      ['DELETE', `/users/${me}`],
      ['GET', '/access-audit'],
    ] as const) {
      const res = await call(h.url, method, path, {
        token: coord,
        body: method === 'PATCH' ? { role: 'viewer' } : undefined,
      });
      expect(res.status).toBe(403);
    }
    for (const path of ['/api-keys', '/access-audit']) {
      expect((await call(h.url, 'GET', path)).status).toBe(401);
    }
  });

  it('rehashes a password made with weaker scrypt parameters at the next sign-in', async () => {
    await call(h.url, 'POST', '/users', {
      token: admin,
      body: { email: 'old-hash@example.org', password: 'an-old-password-here', role: 'viewer' },
    });
    // The hash an earlier version made (N=2^15) of the same password.
    await queryRows(h.db.url, `UPDATE commitments.users SET password_hash = $1 WHERE email = $2`, [
      await hashWith(2 ** 15, 'an-old-password-here'),
      'old-hash@example.org',
    ]);
    await login(h.url, 'old-hash@example.org', 'an-old-password-here');
    const [row] = await queryRows<{ password_hash: string }>(
      h.db.url,
      `SELECT password_hash FROM commitments.users WHERE email = 'old-hash@example.org'`,
    );
    expect(row.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    await login(h.url, 'old-hash@example.org', 'an-old-password-here');
  });

  it('keeps a page signed in through an HttpOnly refresh cookie until sign-out or a change to the user', async () => {
    await call(h.url, 'POST', '/users', {
      token: admin,
      body: { email: 'page@example.org', password: 'a-password-long-enough', role: 'viewer' },
    });
    const res = await fetch(`${h.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'page@example.org', password: 'a-password-long-enough' }),
    });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      /^ct_refresh=ctr_[\w-]+; Max-Age=43200; Path=\/auth; Expires=.*; HttpOnly; SameSite=Strict$/,
    );
    expect(JSON.stringify(await res.json())).not.toContain('ctr_');
    const cookie = setCookie.split(';')[0];
    const refresh = () => call(h.url, 'POST', '/auth/refresh', { headers: { cookie } });
    const renewed = await refresh();
    expect(renewed.status).toBe(200);
    expect(renewed.body.expiresIn).toBe(900);
    expect((await call(h.url, 'GET', '/auth/me', { token: renewed.body.token })).body.name).toBe(
      'page@example.org',
    );
    expect((await call(h.url, 'POST', '/auth/refresh')).status).toBe(401);
    expect(
      (
        await call(h.url, 'POST', '/auth/refresh', {
          headers: { cookie: 'ct_refresh=ctr_guessed' },
        })
      ).status,
    ).toBe(401);

    // Any change to the user ends the sign-in, refresh cookie included.
    const id = (await call(h.url, 'GET', '/auth/me', { token: renewed.body.token })).body
      .id as string;
    await call(h.url, 'PATCH', `/users/${id}`, { token: admin, body: { actors: ['Secretariat'] } });
    expect((await refresh()).status).toBe(401);

    // Signing out ends a fresh sign-in's cookie.
    const again = await fetch(`${h.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'page@example.org', password: 'a-password-long-enough' }),
    });
    const second = again.headers.get('set-cookie')!.split(';')[0];
    expect(
      (await call(h.url, 'POST', '/auth/refresh', { headers: { cookie: second } })).status,
    ).toBe(200);
    expect(
      (await call(h.url, 'POST', '/auth/logout', { headers: { cookie: second } })).status,
    ).toBe(204);
    expect(
      (await call(h.url, 'POST', '/auth/refresh', { headers: { cookie: second } })).status,
    ).toBe(401);
  });
});
