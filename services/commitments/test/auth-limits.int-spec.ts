import { JwtService } from '@nestjs/jwt';
import { newSigningKeyPair } from '@ct/platform';
import { queryRows, TEST_KEYS } from '@ct/testing';
import { ADMIN, call, login, startCommitments, type Harness } from './harness';

/** Credentials that do not work: expired tokens, and guessing API keys or tokens at speed. */
describe('authentication limits', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startCommitments('auth_limits', { AUTH_FAILURES_PER_MINUTE: '5' });
  });
  afterAll(() => h?.close());

  it('refuses an expired token and one signed with another key', async () => {
    const jwt = new JwtService();
    const claims = { sub: 'x', email: ADMIN.email, role: 'admin', actors: [], ver: 1 };
    const signed = { issuer: 'commitments', audience: 'commitments', algorithm: 'ES256' as const };
    const expired = jwt.sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 60 },
      { ...signed, privateKey: TEST_KEYS.privateKey },
    );
    const otherKey = newSigningKeyPair().privateKey;
    const foreign = jwt.sign(claims, { ...signed, privateKey: otherKey });
    for (const token of [expired, foreign]) {
      const res = await call(h.url, 'GET', '/items', { token });
      expect(res).toEqual({
        status: 401,
        body: expect.objectContaining({
          message: expect.stringMatching(/^invalid or expired token/),
        }),
      });
    }
    // An unsigned token ("alg": "none") is not accepted either.
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect((await call(h.url, 'GET', '/items', { token: none })).status).toBe(401);
  });

  it('refuses a client that keeps presenting bad API keys with 429, even with a good token then', async () => {
    const good = await login(h.url, ADMIN.email, ADMIN.password);
    // Five failures a minute are allowed (the test above made three); then every request is refused.
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call(h.url, 'GET', '/items', { headers: { 'x-api-key': `guess-${i}` } });
      answers.push(res.status);
    }
    expect(answers).toEqual([401, 401, 429, 429]);
    const refused = await call(h.url, 'GET', '/items', { token: good });
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/too many failed sign-in attempts .* try again in \d+ s/);
    expect((await call(h.url, 'GET', '/health')).status).toBe(200);
  });
});

/** Operations endpoints behind OPS_TOKEN when it is set. */
describe('OPS_TOKEN', () => {
  let h: Harness;
  const OPS = 'ops-token-for-the-tests-0123';

  beforeAll(async () => {
    h = await startCommitments('ops_token', { OPS_TOKEN: OPS });
  });
  afterAll(() => h?.close());

  it('keeps /metrics and /docs from anyone without it, and opens them with it', async () => {
    expect((await fetch(`${h.url}/metrics`)).status).toBe(401);
    expect(
      (
        await fetch(`${h.url}/metrics`, {
          headers: { authorization: 'Bearer wrong-token-0123456789' },
        })
      ).status,
    ).toBe(401);
    const metrics = await fetch(`${h.url}/metrics`, {
      headers: { authorization: `Bearer ${OPS}` },
    });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^ct_process_cpu_seconds_total/m);
    expect((await fetch(`${h.url}/docs`)).status).toBe(401);
    expect((await fetch(`${h.url}/docs-json`)).status).toBe(401);
    expect((await fetch(`${h.url}/docs/swagger-ui-init.js`)).status).toBe(401);
    const page = await fetch(`${h.url}/docs?token=${OPS}`);
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie')!.split(';')[0];
    expect((await fetch(`${h.url}/docs/swagger-ui-init.js`, { headers: { cookie } })).status).toBe(
      200,
    );
    expect(
      (await fetch(`${h.url}/docs-json`, { headers: { authorization: `Bearer ${OPS}` } })).status,
    ).toBe(200);
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
  });
});

/** Guessing one account's password is slowed for that account on every replica, whatever address it comes from. */
describe('per-account sign-in limit', () => {
  let a: Harness;
  let b: Harness;

  beforeAll(async () => {
    a = await startCommitments('login_lock', {
      LOGIN_FAILURES_PER_ACCOUNT: '3',
      LOGIN_LOCK_SECONDS: '600',
    });
    b = await startCommitments(
      'login_lock',
      { LOGIN_FAILURES_PER_ACCOUNT: '3', LOGIN_LOCK_SECONDS: '600' },
      a.db,
    );
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  const attempt = (h: Harness, email: string, password: string) =>
    call(h.url, 'POST', '/auth/login', { body: { email, password } });

  it('locks an account after its failures on two replicas together, the right password included, and no other account', async () => {
    expect((await attempt(a, ADMIN.email, 'wrong-1')).status).toBe(401);
    expect((await attempt(b, ADMIN.email.toUpperCase(), 'wrong-2')).status).toBe(401);
    expect((await attempt(a, ADMIN.email, 'wrong-3')).status).toBe(401);
    for (const h of [a, b]) {
      const locked = await attempt(h, ADMIN.email, ADMIN.password);
      expect(locked.status).toBe(429);
      expect(locked.body.message).toMatch(
        /too many failed sign-ins for this account; try again in \d+ s/,
      );
    }
    // Unknown accounts are counted the same way, and apart.
    expect((await attempt(a, 'nobody@example.org', 'x')).status).toBe(401);
    const [row] = await queryRows<{ failures: number }>(
      a.db.url,
      `SELECT failures FROM commitments.login_failures WHERE account = $1`,
      [ADMIN.email],
    );
    expect(row.failures).toBe(3);
  });
});
