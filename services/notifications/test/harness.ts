import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ensureTopics } from '@ct/messaging';
import { createTestDatabase, TEST_KAFKA_BROKERS, type TestDatabase } from '@ct/testing';
import { AppModule } from '../src/app.module';
import { CLOCK, type Clock } from '../src/clock/clock';
import { notificationsEnv } from '../src/config/notifications.env';

/** A clock the test moves. */
export class FakeClock implements Clock {
  constructor(private t: Date) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface NotificationsHarness {
  app: INestApplication;
  db: TestDatabase;
  url: string;
  stop(): Promise<void>;
  close(): Promise<void>;
}

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
  await ensureTopics(TEST_KAFKA_BROKERS);
  const database = db ?? (await createTestDatabase(label));
  const parsed = notificationsEnv.parse({
    DATABASE_URL: database.url,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    LOG_LEVEL: 'warn',
    SCHEDULER_INTERVAL_MS: '3600000',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(parsed)] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  let stopped = false;
  const stop = async () => {
    if (!stopped) await app.close();
    stopped = true;
  };
  return {
    app,
    db: database,
    url: `http://127.0.0.1:${port}`,
    stop,
    close: async () => {
      await stop();
      await database.drop();
    },
  };
}
