import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { ensureTopics } from '@ct/messaging';
import { createTestDatabase, TEST_KAFKA_BROKERS, type TestDatabase } from '@ct/testing';
import { AppModule } from '../src/app.module';
import { ingestionEnv } from '../src/config/ingestion.env';

export interface IngestionHarness {
  app: INestApplication;
  db: TestDatabase;
  url: string;
  /** Stop the app; the database stays for a restart (see `db` option) until dropDb. */
  stop(): Promise<void>;
  close(): Promise<void>;
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
  configure: (b: TestingModuleBuilder) => TestingModuleBuilder = (b) => b,
): Promise<IngestionHarness> {
  await ensureTopics(TEST_KAFKA_BROKERS);
  const database = db ?? (await createTestDatabase(label));
  const parsed = ingestionEnv.parse({
    DATABASE_URL: database.url,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    LOG_LEVEL: 'warn',
    MAX_DOCUMENT_CHARS: '20000',
    MAX_UPLOAD_BYTES: '100000',
    WATCH_INTERVAL_MS: '3600000',
    WATCH_MODE: 'poll',
    FEED_INTERVAL_MS: '3600000',
    ...env,
  });
  const moduleRef = await configure(
    Test.createTestingModule({ imports: [AppModule.forRoot(parsed)] }),
  ).compile();
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

/** POST a file as multipart field `file`, with optional form fields. */
export async function upload(
  base: string,
  bytes: Buffer | string,
  opts: { name?: string; type?: string; fields?: Record<string, string> } = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(opts.fields ?? {})) form.append(k, v);
  form.append(
    'file',
    new Blob([bytes], { type: opts.type ?? 'application/octet-stream' }),
    opts.name ?? 'document',
  );
  const res = await fetch(`${base}/documents/upload`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
