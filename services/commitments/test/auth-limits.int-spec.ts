import { JwtService } from '@nestjs/jwt';
import { ADMIN, call, login, startCommitments, type Harness } from './harness';

const SECRET = 'test-secret-that-is-long-enough-0123456789';

/** Credentials that do not work: expired tokens, and guessing API keys or tokens at speed. */
describe('authentication limits', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startCommitments('auth_limits', { AUTH_FAILURES_PER_MINUTE: '5' });
  });
  afterAll(() => h?.close());

  it('refuses an expired token and one signed with another secret', async () => {
    const jwt = new JwtService();
    const claims = { sub: 'x', email: ADMIN.email, role: 'admin', actors: [] };
    const expired = jwt.sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 60 },
      { secret: SECRET },
    );
    const foreign = jwt.sign(claims, { secret: 'another-secret-that-is-long-enough-0123456' });
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
