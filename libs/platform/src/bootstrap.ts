import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { BodyLimitFilter } from './body-limit.filter';
import { exitOnShutdownSignal } from './graceful-shutdown';
import { createLogger } from './logging';

export interface BootstrapOptions {
  service: string;
  module: Type<unknown> | DynamicModule;
  host: string;
  port: number;
  /** Largest accepted JSON body, e.g. '5mb'. */
  bodyLimit?: string;
  /** Browser origins allowed to call the HTTP API (CORS); none when empty. */
  corsOrigins?: string[];
  configure?: (app: INestApplication) => void;
  /** On SIGTERM/SIGINT the process exits at the latest this long after (default 9000). */
  shutdownTimeoutMs?: number;
  /** Runs before the application is created, e.g. to provision Kafka topics. */
  prepare?: () => Promise<unknown>;
}

/**
 * Start a service: HTTP server, JSON logs, and a bounded shutdown on
 * SIGTERM/SIGINT (consumers leave their groups promptly; see exitOnShutdownSignal).
 */
export async function bootstrap(opts: BootstrapOptions): Promise<INestApplication> {
  await opts.prepare?.();
  const app = await NestFactory.create<NestExpressApplication>(opts.module, {
    bufferLogs: true,
    bodyParser: false,
    // Keep-alive and event-stream connections would otherwise hold the server open at shutdown.
    forceCloseConnections: true,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: opts.bodyLimit ?? '1mb' });
  app.useGlobalFilters(new BodyLimitFilter(app.getHttpAdapter()));
  exitOnShutdownSignal(app, {
    service: opts.service,
    timeoutMs: opts.shutdownTimeoutMs ?? 9000,
  });
  if (opts.corsOrigins?.length) {
    // Credentials: the page's refresh cookie goes to the commitments service's /auth.
    app.enableCors({ origin: opts.corsOrigins, maxAge: 600, credentials: true });
  }
  opts.configure?.(app);
  await app.listen(opts.port, opts.host);
  app.get(Logger).log(`${opts.service} listening on http://${opts.host}:${opts.port}`);
  return app;
}

/** Run `bootstrap` as a process entry point: a start-up failure exits 1 with a logged reason. */
export function runService(opts: () => BootstrapOptions): void {
  let service = 'service';
  try {
    const o = opts();
    service = o.service;
    bootstrap(o).catch((err: unknown) => fail(service, err));
  } catch (err) {
    fail(service, err);
  }
}

function fail(service: string, err: unknown): never {
  const log = createLogger(service);
  log.fatal(
    { err },
    `${service} failed to start: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
}
