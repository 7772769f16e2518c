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

module.exports = { root, ADMIN_URL, dbUrl, sql, ms, pct, startService };
