import { queryRows } from './test-database';

/**
 * Wait until another session of this database is waiting for a lock of the
 * given kind ('advisory', 'transactionid', 'tuple', …: pg_stat_activity's
 * wait_event), and return its process id. A test that must show a statement
 * blocked asks PostgreSQL instead of sleeping and hoping: a missing lock
 * fails it (nobody ever waits), however slow the machine.
 */
export async function waitForLockWait(
  dbUrl: string,
  waitEvent: string,
  timeoutMs = 10_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await queryRows<{ pid: number }>(
      dbUrl,
      `SELECT pid FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND wait_event_type = 'Lock' AND wait_event = $1
       LIMIT 1`,
      [waitEvent],
    );
    if (row) return row.pid;
    if (Date.now() > deadline) {
      throw new Error(`no session waited on a lock of kind ${waitEvent} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
