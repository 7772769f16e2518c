import { PrincipalsRepository } from '@ct/access';
import {
  startInProcess,
  testUser,
  TEST_KAFKA_BROKERS,
  type InProcessApp,
  type TestDatabase,
} from '@ct/testing';
import { ensureTopics } from '@ct/messaging';
import { AppModule } from '../src/app.module';
import { CLOCK, type Clock } from '../src/clock/clock';
import { notificationsEnv } from '../src/config/notifications.env';

export { FakeClock } from './fake-clock';

export type NotificationsHarness = InProcessApp;

/**
 * The notifications service in-process on a fresh database (or a given one,
 * to restart on it) with a fake clock; its own scheduler timer is an hour
 * apart, so tests run passes by hand.
 */
export async function startNotifications(
  label: string,
  clock: Clock,
  env: Record<string, string>,
  db?: TestDatabase,
): Promise<NotificationsHarness> {
  const h = await startInProcess({
    prepare: () => ensureTopics(TEST_KAFKA_BROKERS),
    label,
    db,
    module: (database) =>
      AppModule.forRoot(
        notificationsEnv.parse({
          DATABASE_URL: database.url,
          KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
          LOG_LEVEL: 'warn',
          SCHEDULER_INTERVAL_MS: '3600000',
          ...env,
        }),
        { consume: false },
      ),
    configure: (b) => b.overrideProvider(CLOCK).useValue(clock),
  });
  // The users the specs sign in as, as the commitments service would have announced them.
  await h.app.get(PrincipalsRepository).apply(TEST_USERS.map((u) => u.principal));
  return h;
}

/** Users every harness knows: `testUser(role, name)` of these gives their tokens. */
export const TEST_USERS = [
  testUser('coordinator', 'coordinator-1'),
  testUser('coordinator', 'coordinator-2'),
  testUser('admin', 'admin-1'),
  testUser('viewer', 'v'),
];
