import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { ensureTopics } from '@ct/messaging';
import { newSigningKeyPair } from '@ct/platform';
import {
  docxBomb,
  queryRows,
  readSse,
  REPO_ROOT,
  signIn,
  startSystem,
  TEST_KAFKA_BROKERS,
  TEST_KEYS,
  type RunningSystem,
} from '@ct/testing';

const PORTS = { dashboard: 24130, ingestion: 24131, commitments: 24132, notifications: 24133 };
const SUMMIT = 'The next Summit will be held in Bishkek on 2 January 2026.';

/**
 * The attacks of the security issue (and the OWASP API Top 10 as a checklist)
 * against the four services as real processes: each is refused with a clear
 * 4xx, nothing is stored, nothing is sent.
 */
describe('security: attacks on the running system', () => {
  let system: RunningSystem;
  let admin: string;
  let coordinator: string;
  let viewer: string;
  const url = (s: keyof typeof PORTS) => system.services[s].url;

  const request = async (
    method: string,
    target: string,
    o: { token?: string; headers?: Record<string, string>; json?: unknown; form?: FormData } = {},
  ) => {
    const res = await fetch(target, {
      method,
      headers: {
        ...(o.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      body: o.json !== undefined ? JSON.stringify(o.json) : o.form,
    });
    const text = await res.text();
    let body: { message?: string } & Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // not JSON (a calendar, a CSV)
    }
    return { status: res.status, body, text };
  };
  const documents = async () =>
    (
      await queryRows<{ n: number }>(
        system.db.url,
        'SELECT count(*)::int AS n FROM ingestion.documents',
      )
    )[0].n;
  const until = async (what: string, ok: () => Promise<boolean>, ms = 20_000) => {
    const deadline = Date.now() + ms;
    while (!(await ok())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const makeUser = async (email: string, role: string, actors: string[] = []) => {
    const res = await request('POST', `${url('commitments')}/users`, {
      token: admin,
      json: { email, password: 'a-long-enough-password', role, actors },
    });
    expect(res.status).toBe(201);
    return {
      id: res.body.id as string,
      token: await signIn(url('commitments'), email, 'a-long-enough-password'),
    };
  };

  beforeAll(async () => {
    system = await startSystem('e2e_security', PORTS, () => ensureTopics(TEST_KAFKA_BROKERS));
    admin = system.adminToken!;
    coordinator = (await makeUser('coord@example.org', 'coordinator', ['Secretariat'])).token;
    viewer = (await makeUser('viewer@example.org', 'viewer')).token;
  });
  afterAll(() => system?.stop());

  it('refuses anonymous documents by JSON and by a browser-simple multipart upload, and viewers’', async () => {
    const form = new FormData();
    form.append('published', '2099-01-01');
    form.append('file', new Blob([SUMMIT], { type: 'text/plain' }), 'summit.txt');
    const anonymous = [
      await request('POST', `${url('ingestion')}/documents`, {
        json: { text: SUMMIT, published: '2099-01-01' },
      }),
      await request('POST', `${url('ingestion')}/documents/upload`, {
        form,
        headers: { origin: 'https://evil.example' },
      }),
    ];
    expect(anonymous.map((r) => r.status)).toEqual([401, 401]);
    const asViewer = await request('POST', `${url('ingestion')}/documents`, {
      token: viewer,
      json: { text: SUMMIT },
    });
    expect(asViewer.status).toBe(403);
    expect(await documents()).toBe(0);
  });

  it('refuses a report dated after its receipt, even from an admin', async () => {
    const res = await request('POST', `${url('ingestion')}/documents`, {
      token: admin,
      json: { text: SUMMIT, published: '2099-01-01' },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/cannot be published in the future/);
    expect(await documents()).toBe(0);
  });

  it('keeps stored documents, watched deadlines, exports and streams from anyone not signed in', async () => {
    const stored = await request('POST', `${url('ingestion')}/documents`, {
      token: coordinator,
      json: { text: 'The ministers instructed the Secretariat to prepare a report by June 2027.' },
    });
    expect(stored.status).toBe(201);
    for (const target of [
      `${url('ingestion')}/documents/${stored.body.id as string}`,
      `${url('notifications')}/watches`,
      `${url('notifications')}/subscriptions`,
      `${url('dashboard')}/api/overview`,
      `${url('dashboard')}/api/export.csv`,
      `${url('commitments')}/items`,
      `${url('commitments')}/users`,
    ]) {
      expect([target, (await request('GET', target)).status]).toEqual([target, 401]);
    }
    expect((await readSse(`${url('dashboard')}/api/stream`, 1, { timeoutMs: 2000 })).status).toBe(
      401,
    );
    expect(
      (
        await request('GET', `${url('ingestion')}/documents/${stored.body.id as string}`, {
          token: viewer,
        })
      ).status,
    ).toBe(200);
  });

  it('refuses webhooks into the network in every spelling', async () => {
    for (const webhook of [
      `http://127.0.0.1:${PORTS.commitments}/items`,
      'http://[::1]/',
      'http://localhost:5432/',
      'http://2130706433/',
      'http://0x7f.0.0.1/',
      'http://0.0.0.0/',
      'http://[::ffff:127.0.0.1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/',
      'http://[fd00::8]/',
    ]) {
      const res = await request('POST', `${url('notifications')}/subscriptions`, {
        token: coordinator,
        json: { webhook },
      });
      expect([webhook, res.status]).toEqual([webhook, 422]);
      expect(res.body.message).toMatch(/outbound requests reach public addresses only/);
    }
    const [{ n }] = await queryRows<{ n: number }>(
      system.db.url,
      'SELECT count(*)::int AS n FROM notifications.subscriptions',
    );
    expect(n).toBe(0);
  });

  it('refuses a DOCX bomb with 413 and keeps answering', async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([docxBomb(200 * 1024 * 1024)], {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
      'bomb.docx',
    );
    const before = await documents();
    const res = await request('POST', `${url('ingestion')}/documents/upload`, {
      token: coordinator,
      form,
    });
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/DOCX_MAX_INFLATED_BYTES/);
    expect(await documents()).toBe(before);
    expect((await fetch(`${url('ingestion')}/health`)).status).toBe(200);
  });

  it('revokes an API key everywhere, and stops a disabled user’s token on every service', async () => {
    const key = await request('POST', `${url('commitments')}/api-keys`, {
      token: admin,
      json: { name: 'wire', role: 'viewer', scopes: ['ingest'] },
    });
    const headers = { 'x-api-key': key.body.key as string };
    let n = 0;
    const send = () =>
      request('POST', `${url('ingestion')}/documents`, {
        headers,
        json: { text: `Wire report number ${++n} on the summit.` },
      });
    await until('the key to reach ingestion', async () => (await send()).status === 201);
    expect(
      (
        await request('DELETE', `${url('commitments')}/api-keys/${key.body.id as string}`, {
          token: admin,
        })
      ).status,
    ).toBe(200);
    await until('the revocation to reach ingestion', async () => (await send()).status === 401);

    const leaver = await makeUser('leaver@example.org', 'coordinator', ['Secretariat']);
    await until('the user to reach every service', async () =>
      (
        await Promise.all([
          request('GET', `${url('notifications')}/watches`, { token: leaver.token }),
          request('GET', `${url('dashboard')}/api/overview`, { token: leaver.token }),
        ])
      ).every((r) => r.status === 200),
    );
    expect(
      (
        await request('PATCH', `${url('commitments')}/users/${leaver.id}`, {
          token: admin,
          json: { disabled: true },
        })
      ).status,
    ).toBe(200);
    await until('the disabling to reach every service', async () =>
      (
        await Promise.all([
          request('GET', `${url('commitments')}/items`, { token: leaver.token }),
          request('GET', `${url('notifications')}/watches`, { token: leaver.token }),
          request('GET', `${url('dashboard')}/api/overview`, { token: leaver.token }),
          request('POST', `${url('ingestion')}/documents`, {
            token: leaver.token,
            json: { text: 'A parting report.' },
          }),
        ])
      ).every((r) => r.status === 401),
    );
  });

  it('refuses forged, algorithm-confused, expired, foreign-audience and unsigned tokens', async () => {
    const jwt = new JwtService();
    const claims = {
      sub: '00000000-0000-4000-8000-000000000001',
      email: 'x@example.org',
      role: 'admin',
      actors: [],
      ver: 1,
    };
    // Signed with another key; and HS256 keyed with the public key (algorithm confusion).
    const otherKey = newSigningKeyPair().privateKey;
    const forged = jwt.sign(claims, {
      privateKey: otherKey,
      algorithm: 'ES256',
      issuer: 'commitments',
      audience: 'ingestion',
    });
    const confused = jwt.sign(claims, {
      secret: TEST_KEYS.publicKey,
      algorithm: 'HS256',
      issuer: 'commitments',
      audience: 'ingestion',
    });
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    // Signed with the system's own key, for the admin as they are, but expired, or for another audience or issuer.
    const key = { privateKey: TEST_KEYS.privateKey, algorithm: 'ES256' as const };
    const me = await request('GET', `${url('commitments')}/auth/me`, { token: admin });
    const real = { ...claims, sub: me.body.id as string, email: 'admin@example.org', ver: 1 };
    const expired = jwt.sign(
      { ...real, exp: Math.floor(Date.now() / 1000) - 60 },
      { ...key, issuer: 'commitments', audience: 'ingestion' },
    );
    const otherAudience = jwt.sign(real, {
      ...key,
      issuer: 'commitments',
      audience: 'calendar-feed',
    });
    const otherIssuer = jwt.sign(real, { ...key, issuer: 'dashboard', audience: 'ingestion' });
    const fine = jwt.sign(real, {
      ...key,
      issuer: 'commitments',
      audience: 'ingestion',
      expiresIn: 60,
    });
    expect(
      (
        await request('GET', `${url('ingestion')}/documents/00000000-0000-4000-8000-000000000009`, {
          token: fine,
        })
      ).status,
    ).toBe(404);
    for (const token of [
      forged,
      confused,
      none,
      `${admin}x`,
      expired,
      otherAudience,
      otherIssuer,
    ]) {
      expect(
        (
          await request(
            'GET',
            `${url('ingestion')}/documents/00000000-0000-4000-8000-000000000009`,
            { token },
          )
        ).status,
      ).toBe(401);
    }
  });

  it('enforces object and function level authorization (OWASP API1, API5) and exposes no secrets (API3)', async () => {
    const own = await request('POST', `${url('notifications')}/subscriptions`, {
      token: admin,
      json: { email: 'desk@example.org' },
    });
    expect(own.status).toBe(201);
    expect(
      (
        await request('DELETE', `${url('notifications')}/subscriptions/${own.body.id as string}`, {
          token: coordinator,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request('POST', `${url('commitments')}/users`, {
          token: coordinator,
          json: { email: 'x@example.org', password: 'a-long-enough-password', role: 'admin' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request('POST', `${url('ingestion')}/admin/reprocess`, {
          token: coordinator,
          json: {},
        })
      ).status,
    ).toBe(403);
    // Mass assignment: fields the API does not take are refused, not stored.
    expect(
      (
        await request('POST', `${url('commitments')}/users`, {
          token: admin,
          json: {
            email: 'y@example.org',
            password: 'a-long-enough-password',
            role: 'viewer',
            passwordHash: 'x',
          },
        })
      ).status,
    ).toBe(400);
    const users = await request('GET', `${url('commitments')}/users`, { token: admin });
    expect(users.text).not.toMatch(/scrypt|password/i);
    const keys = await request('GET', `${url('commitments')}/api-keys`, { token: admin });
    expect(keys.text).not.toMatch(/ctk_|[a-f0-9]{64}/);
  });

  it('keeps tokens and API keys out of every service’s log', async () => {
    const marker = `ctk_leak_probe_${Date.now()}`;
    await request('GET', `${url('commitments')}/items`, { headers: { 'x-api-key': marker } });
    await request('GET', `${url('ingestion')}/documents/00000000-0000-4000-8000-000000000009`, {
      headers: { 'x-api-key': marker, cookie: `session=${marker}` },
    });
    await readSse(`${url('dashboard')}/api/stream?access_token=${viewer}`, 1, { timeoutMs: 1500 });
    await request('GET', `${url('notifications')}/watches?access_token=${coordinator}`, {
      token: coordinator,
    });
    await new Promise((r) => setTimeout(r, 1000));
    // The requests were logged, with what they carried replaced.
    const read = (name: keyof typeof PORTS) =>
      readFileSync(join(REPO_ROOT, '.data/test-logs', `${name}-${PORTS[name]}.log`), 'utf8');
    expect(read('commitments')).toContain('"x-api-key":"[redacted]"');
    expect(read('dashboard')).toContain('access_token=[redacted]');
    for (const [name, port] of Object.entries(PORTS)) {
      const log = readFileSync(join(REPO_ROOT, '.data/test-logs', `${name}-${port}.log`), 'utf8');
      for (const secret of [marker, viewer, coordinator, admin]) {
        expect([name, log.includes(secret)]).toEqual([name, false]);
      }
    }
  });
});
