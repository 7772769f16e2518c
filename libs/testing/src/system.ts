import { skipBacklog } from './backlog';
import { signIn, TEST_KEY_ENV } from './principals';
import { startService, type ServiceProcess } from './service-process';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_KAFKA_BROKERS } from './test-env';

export interface RunningSystem {
  db: TestDatabase;
  services: Record<string, ServiceProcess>;
  /** The first admin's sign-in token, when the commitments service is among them. */
  adminToken: string | null;
  stop(): Promise<void>;
}

/**
 * Built services as real processes on a fresh database and the test broker,
 * past any backlog earlier suites left on the topics, sharing the test signing keys
 * and first admin: `ports` names the services to start and where; `prepare`
 * runs first (creating the topics: @ct/messaging, which this lib cannot import).
 */
export async function startSystem(
  label: string,
  ports: Record<string, number>,
  prepare: () => Promise<unknown>,
): Promise<RunningSystem> {
  await prepare();
  await skipBacklog(TEST_KAFKA_BROKERS);
  const db = await createTestDatabase(label);
  const env = {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    ...TEST_KEY_ENV,
    ADMIN_EMAIL: 'admin@example.org',
    ADMIN_PASSWORD: `${label}-admin-password`,
  };
  const started = await Promise.all(
    Object.entries(ports).map(([name, port]) => startService(name, port, env)),
  );
  const commitments = started.find((s) => s.name === 'commitments');
  return {
    db,
    services: Object.fromEntries(started.map((s) => [s.name, s])),
    adminToken: commitments
      ? await signIn(commitments.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
      : null,
    async stop() {
      await Promise.all(started.map((s) => s.stop()));
      await db.drop();
    },
  };
}
