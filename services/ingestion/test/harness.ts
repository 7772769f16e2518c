import type { TestingModuleBuilder } from '@nestjs/testing';
import { PrincipalsRepository } from '@ct/access';
import type { UserRole } from '@ct/contracts';
import {
  startInProcess,
  testUser,
  TEST_KAFKA_BROKERS,
  TEST_KEYS,
  type InProcessApp,
  type TestDatabase,
} from '@ct/testing';
import { ensureTopics } from '@ct/messaging';
import { AppModule } from '../src/app.module';
import { ingestionEnv } from '../src/config/ingestion.env';

export type IngestionHarness = InProcessApp;

/** One user of each role, known to every harness (as if announced by the commitments service). */
export const USERS = {
  viewer: testUser('viewer'),
  coordinator: testUser('coordinator'),
  admin: testUser('admin'),
} as const;

/** Headers that sign a request in as a user of this role (a coordinator by default: they may add documents). */
export function signedIn(role: UserRole = 'coordinator') {
  return { authorization: `Bearer ${USERS[role].token()}` };
}

/**
 * The ingestion service in-process on a fresh database (or a given one, to
 * restart on it) and the real test broker, HTTP on a free port. Folder
 * watching and feed polling only run when their env is given; their timers
 * are an hour apart and file-system events are off, so after the pass at
 * start-up tests drive them by hand (scan(), poll()).
 */
export async function startIngestion(
  label: string,
  env: Record<string, string> = {},
  db?: TestDatabase,
  configure?: (b: TestingModuleBuilder) => TestingModuleBuilder,
): Promise<IngestionHarness> {
  const h = await startInProcess({
    prepare: () => ensureTopics(TEST_KAFKA_BROKERS),
    label,
    db,
    configure,
    module: (database) =>
      AppModule.forRoot(
        ingestionEnv.parse({
          DATABASE_URL: database.url,
          KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
          MAX_DOCUMENT_CHARS: '20000',
          MAX_UPLOAD_BYTES: '100000',
          WATCH_INTERVAL_MS: '3600000',
          WATCH_MODE: 'poll',
          FEED_INTERVAL_MS: '3600000',
          JWT_PUBLIC_KEY: TEST_KEYS.publicKey,
          ...env,
        }),
        { consume: false },
      ),
  });
  await h.app.get(PrincipalsRepository).apply(Object.values(USERS).map((u) => u.principal));
  return h;
}

/** POST a file as multipart field `file`, with optional form fields, signed in as a coordinator unless other headers are given. */
export async function upload(
  base: string,
  bytes: Buffer | string,
  opts: {
    name?: string;
    type?: string;
    fields?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(opts.fields ?? {})) form.append(k, v);
  form.append(
    'file',
    new Blob([bytes], { type: opts.type ?? 'application/octet-stream' }),
    opts.name ?? 'document',
  );
  const res = await fetch(`${base}/documents/upload`, {
    method: 'POST',
    body: form,
    headers: opts.headers ?? signedIn(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
