// What the benchmarks share: SQL against a throwaway database, timing and
// percentiles, and starting a built service as a process until it is healthy.
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { Client } = require('pg');

const root = join(__dirname, '..');
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = (name) => `postgres://postgres@127.0.0.1:5432/${name}`;

/** One query on its own connection. */
async function sql(conn, text, params) {
  const c = new Client({ connectionString: conn });
  // A connection the server ends between queries (a restart, DROP DATABASE … FORCE)
  // emits 'error' on the client; unhandled, that would end the benchmark, while a
  // failed query already rejects.
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs, p) =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Start dist/services/<name> with this env on this port and wait for /health (60 s). */
async function startService(name, port, env, nodeArgs = []) {
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(root, `dist/services/${name}/src/main.js`)],
    {
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} service did not start`);
}

/**
 * Tracked items `from`..`to` in one statement: 200 actors, the three kinds,
 * their statuses, due dates spread over 2024–2030, ten topics in the text.
 */
function seedItemsSql(from, to) {
  return `
    INSERT INTO commitments.tracked_items (kind, actor, actor_key, action, status, deadline, deadline_precision, due_date, deadline_source, version, source_count, created_at, updated_at)
    SELECT k.kind, a.actor, lower(a.actor),
           (ARRAY['prepare a report on','establish a joint fund for','draft an agreement on','launch a programme on','host a meeting on'])[1 + g % 5]
             || ' ' || (ARRAY['transport','energy','water security','digital trade','climate','education','customs','tourism','health','culture'])[1 + (g / 5) % 10] || ' #' || g,
           CASE WHEN k.kind = 'event' THEN (ARRAY['scheduled','held','postponed'])[1 + g % 3] ELSE (ARRAY['open','in_progress','done','blocked','cancelled'])[1 + g % 5] END,
           to_char(d, 'YYYY-MM-DD'), 'day', d, 'explicit', 1, 1,
           now() - (g || ' minutes')::interval, now()
    FROM generate_series(${from}, ${to}) g
    CROSS JOIN LATERAL (SELECT (ARRAY['mandate','pledge','event'])[1 + g % 3] AS kind) k
    CROSS JOIN LATERAL (SELECT 'Actor ' || (g % 200) AS actor) a
    CROSS JOIN LATERAL (SELECT DATE '2024-01-01' + (g::bigint * 7919 % 2557)::int AS d) dd`;
}

/** Messages the system's consumer groups have yet to read (libs/testing, as built into dist/). */
function consumerLag(brokers) {
  const lag = require(join(root, 'dist/libs/testing/src/consumer-lag'));
  return lag.consumerLag(brokers, lag.SYSTEM_SUBSCRIPTIONS);
}

/**
 * Headers with an API key that may add documents, announced to the ingestion
 * service on `url` the way the commitments service announces keys; resolves
 * once the service knows it.
 */
async function ingestKeyHeaders(brokers, url, name = 'bench') {
  const t = require(join(root, 'dist/libs/testing/src/principals'));
  const { key, principal } = t.testApiKey(name, ['ingest']);
  await t.announcePrincipals(brokers, [principal]);
  for (let i = 0; i < 300; i++) {
    const rows = await sql(url, 'SELECT 1 FROM ingestion.principals WHERE id = $1', [
      principal.principalId,
    ]).catch(() => []);
    if (rows.length > 0) return { 'x-api-key': key };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the ingestion service did not learn the benchmark API key');
}

/** A signing key pair for the services a benchmark starts (libs/platform, as built into dist/). */
function signingKeys() {
  const k = require(join(root, 'dist/libs/platform/src/signing-keys')).newSigningKeyPair();
  return { JWT_PRIVATE_KEY: k.privateKey, JWT_PUBLIC_KEY: k.publicKey };
}

module.exports = {
  signingKeys,
  root,
  ADMIN_URL,
  dbUrl,
  sql,
  ms,
  pct,
  seedItemsSql,
  startService,
  consumerLag,
  ingestKeyHeaders,
};
