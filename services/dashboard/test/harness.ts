import { ensureTopics } from '@ct/messaging';
import { PrincipalsRepository } from '@ct/access';
import { startInProcess, testUser, TEST_KAFKA_BROKERS, type InProcessApp } from '@ct/testing';
import { AppModule } from '../src/app.module';
import { dashboardEnv } from '../src/config/dashboard.env';
import type { CommitmentChangedData } from '@ct/contracts';

/** The dashboard service in-process on a fresh database, with these settings on top of the test ones. */
export async function startDashboard(
  label: string,
  env: Record<string, string>,
): Promise<InProcessApp> {
  const h = await startInProcess({
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
  await h.app.get(PrincipalsRepository).apply([VIEWER.principal]);
  return h;
}

/** The signed-in user of the dashboard specs, known to every harness. */
export const VIEWER = testUser('viewer', 'v');

/** The id of test item `n`. */
export const itemId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** Test item `n` as a `commitment.changed` announces it: version 1, open, no deadline, unless patched. */
export function changeData(
  n: number,
  patch: Partial<CommitmentChangedData> = {},
): CommitmentChangedData {
  return {
    itemId: itemId(n),
    version: 1,
    change: 'created',
    changes: [],
    kind: 'mandate',
    actor: 'Secretariat',
    action: `prepare report ${n}`,
    status: 'open',
    deadline: null,
    deadlineSource: 'none',
    dueDate: null,
    owner: null,
    place: null,
    dependsOn: null,
    sourceCount: 1,
    changedAt: new Date().toISOString(),
    ...patch,
  };
}
