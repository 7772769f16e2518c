import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface InProcessApp {
  app: INestApplication;
  db: TestDatabase;
  url: string;
  /** Stop the app; the database stays (pass it back in to restart on it) until close(). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A service's application in-process on a fresh database (or the given one,
 * to restart on it), HTTP on a free port.
 */
export async function startInProcess(o: {
  label: string;
  module: (db: TestDatabase) => DynamicModule;
  db?: TestDatabase;
  configure?: (b: TestingModuleBuilder) => TestingModuleBuilder;
  /** Runs first, e.g. to provision Kafka topics as a service's own start-up would. */
  prepare?: () => Promise<unknown>;
  beforeListen?: (app: INestApplication) => void;
}): Promise<InProcessApp> {
  await o.prepare?.();
  const db = o.db ?? (await createTestDatabase(o.label));
  const builder = Test.createTestingModule({ imports: [o.module(db)] });
  const moduleRef = await (o.configure ? o.configure(builder) : builder).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  o.beforeListen?.(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  let stopped = false;
  const stop = async () => {
    if (!stopped) await app.close();
    stopped = true;
  };
  return {
    app,
    db,
    url: `http://127.0.0.1:${port}`,
    stop,
    close: async () => {
      await stop();
      await db.drop();
    },
  };
}
