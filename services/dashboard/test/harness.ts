import { ensureTopics } from '@ct/messaging';
import { startInProcess, TEST_KAFKA_BROKERS, type InProcessApp } from '@ct/testing';
import { AppModule } from '../src/app.module';
import { dashboardEnv } from '../src/config/dashboard.env';

/** The dashboard service in-process on a fresh database, with these settings on top of the test ones. */
export function startDashboard(label: string, env: Record<string, string>): Promise<InProcessApp> {
  return startInProcess({
    prepare: () => ensureTopics(TEST_KAFKA_BROKERS),
    label,
    module: (db) =>
      AppModule.forRoot(
        dashboardEnv.parse({
          DATABASE_URL: db.url,
          KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
          LOG_LEVEL: 'warn',
          ...env,
        }),
        { consume: false },
      ),
  });
}
