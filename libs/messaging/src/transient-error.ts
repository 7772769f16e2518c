/**
 * Errors that say a dependency is unavailable rather than that the event is
 * bad: a lost or refused database connection, a database shutting down or in
 * recovery, a broker that does not answer. Retrying such an event is right
 * however long the outage lasts; dead-lettering it would lose good data.
 */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// PostgreSQL SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, recovery).
const SQLSTATE = /^(?:08|57P)/;
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|the database system is (?:starting up|shutting down|in recovery mode)|KafkaJSConnectionError|KafkaJSNumberOfRetriesExceeded/i;

export function isTransient(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const x = e as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof x.code === 'string' && (CODES.has(x.code) || SQLSTATE.test(x.code))) return true;
    if (typeof x.message === 'string' && MESSAGES.test(x.message)) return true;
    if (typeof x.name === 'string' && MESSAGES.test(x.name)) return true;
    e = x.driverError ?? x.cause;
  }
  return false;
}
