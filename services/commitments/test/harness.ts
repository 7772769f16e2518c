import {
  startInProcess,
  TEST_KAFKA_BROKERS,
  TEST_KEYS,
  type InProcessApp,
  type TestDatabase,
} from '@ct/testing';
import { ensureTopics } from '@ct/messaging';
import { AppModule } from '../src/app.module';
import { commitmentsEnv } from '../src/config/commitments.env';
import { serveDocs } from '../src/docs/openapi';

export const ADMIN = { email: 'admin@example.org', password: 'admin-password-for-tests' };

export type Harness = InProcessApp;

/** The commitments service in-process on a fresh database and the real test broker, HTTP on a free port. */
export function startCommitments(
  label: string,
  overrides: Record<string, string> = {},
  /** Another replica on this database, instead of a fresh one. */
  db?: TestDatabase,
): Promise<Harness> {
  return startInProcess({
    prepare: () => ensureTopics(TEST_KAFKA_BROKERS),
    label,
    db,
    module: (db) =>
      AppModule.forRoot(
        commitmentsEnv.parse({
          DATABASE_URL: db.url,
          KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
          LOG_LEVEL: 'warn',
          JWT_PRIVATE_KEY: TEST_KEYS.privateKey,
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          LOGIN_ATTEMPTS_PER_MINUTE: '1000',
          AUTH_FAILURES_PER_MINUTE: '1000',
          ...overrides,
        }),
        { consume: false },
      ),
    beforeListen: (app) => serveDocs(app, overrides.OPS_TOKEN),
  });
}

export { extracted } from './extracted.fixture';

/** Fetch JSON with an optional bearer token. */
export async function call(
  url: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  // Tests read many response shapes; parsed JSON is typed loosely here only.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await call(url, 'POST', '/auth/login', { body: { email, password } });
  if (res.status !== 200)
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}
