import type { INestApplication } from '@nestjs/common';
import { createLogger } from './logging';

let shuttingDownSince: number | null = null;

/** Whether this process has been asked to stop (readiness then answers 503). */
export function isShuttingDown(): boolean {
  return shuttingDownSince !== null;
}

export interface ShutdownOptions {
  service: string;
  /** The process exits at the latest this long after the signal. */
  timeoutMs: number;
  /** Where the process ends; a parameter so the sequence can be tested without exiting. */
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * On SIGTERM or SIGINT: stop (consumers leave their groups, the outbox relay
 * and timers stop, HTTP closes, connections end) through Nest's shutdown
 * hooks, and exit 0 when done. Whatever is still running when `timeoutMs`
 * has passed (a broker or database that is gone makes clients retry) is
 * abandoned and the process exits 1: nothing is lost by that, because
 * offsets are committed only after their transaction and outbox rows are
 * marked only after the broker acknowledged them, so that work is redone by
 * whoever takes over. A second signal exits at once.
 */
export function exitOnShutdownSignal(app: INestApplication, o: ShutdownOptions): () => void {
  const log = createLogger(o.service).child({ component: 'shutdown' });
  const exit = o.exit ?? ((code: number) => process.exit(code));
  const signals = o.signals ?? ['SIGTERM', 'SIGINT'];
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDownSince !== null) {
      log.warn({ signal }, 'second signal during shutdown; exiting now');
      return exit(130);
    }
    shuttingDownSince = Date.now();
    log.info({ signal, timeoutMs: o.timeoutMs }, `${o.service} shutting down`);
    const elapsed = () => Date.now() - (shuttingDownSince ?? Date.now());
    const deadline = setTimeout(() => {
      log.warn(
        { elapsedMs: elapsed() },
        'shutdown did not finish in time; exiting (uncommitted work is redelivered)',
      );
      exit(1);
    }, o.timeoutMs);
    app.close().then(
      () => {
        clearTimeout(deadline);
        log.info({ elapsedMs: elapsed() }, `${o.service} stopped`);
        exit(0);
      },
      (err: unknown) => {
        clearTimeout(deadline);
        log.error({ err, elapsedMs: elapsed() }, 'shutdown failed; exiting');
        exit(1);
      },
    );
  };
  for (const s of signals) process.on(s, onSignal);
  return () => {
    for (const s of signals) process.off(s, onSignal);
  };
}

/** For tests: forget an earlier shutdown of this process. */
export function resetShutdownState(): void {
  shuttingDownSince = null;
}
