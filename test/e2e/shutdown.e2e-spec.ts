import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureTopics } from '@ct/messaging';
import {
  consumerLag,
  createTestDatabase,
  kafkaNode,
  PG_ADMIN_URL,
  queryRows,
  REPO_ROOT,
  signIn,
  startService,
  startTcpProxy,
  SYSTEM_SUBSCRIPTIONS,
  TEST_KEY_ENV,
  type ServiceProcess,
  type TcpProxy,
  type TestDatabase,
} from '@ct/testing';
import { postUntilAccepted } from '../chaos/client';
import { generateCorpus, type CorpusDocument } from '../chaos/corpus';

/*
 * SIGTERM to every service, as an orchestrator sends it: with everything up
 * and documents in flight, with the database unreachable, and with the broker
 * killed. Each time every service must stop answering ready at once and exit
 * within the 10 s an orchestrator waits before SIGKILL; the documents in
 * flight during the first stop must all be tracked, once, after the restart.
 *
 * The broker is a node of this suite's own (the shared test broker is not
 * killed under other suites) and PostgreSQL is reached through a TCP relay
 * that the test cuts (the machine's server stays up for everyone else).
 */
const PORTS = { ingestion: 24600, commitments: 24601, notifications: 24602, dashboard: 24603 };
type Name = keyof typeof PORTS;
const NAMES = Object.keys(PORTS) as Name[];
const BOUND_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Stopped {
  code: number | null;
  ms: number;
  /** Statuses /health/ready answered between the signal and the exit. */
  ready: number[];
}

/** "503 ×12": each status /health/ready gave, with how often. */
function tally(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s} ×${n}`).join(', ') || 'no answer (closed)';
}

/** SIGTERM, then (from 100 ms on) ask /health/ready every 25 ms until the process is gone. */
async function terminate(s: ServiceProcess): Promise<Stopped> {
  const ready: number[] = [];
  let gone = false;
  const exited = new Promise<number | null>((done) => s.process.once('exit', (c) => done(c)));
  const started = Date.now();
  s.process.kill('SIGTERM');
  const probing = (async () => {
    // The signal reaches the process's event loop within moments, not at once.
    await sleep(100);
    while (!gone) {
      try {
        const res = await fetch(`${s.url}/health/ready`, { signal: AbortSignal.timeout(1000) });
        ready.push(res.status);
      } catch {
        // closed or refused: the process is on its way out
      }
      await sleep(25);
    }
  })();
  const killer = setTimeout(() => s.process.kill('SIGKILL'), 30_000);
  const code = await exited;
  const ms = Date.now() - started;
  clearTimeout(killer);
  gone = true;
  await probing;
  return { code, ms, ready };
}

describe('bounded shutdown: SIGTERM with everything up, the database gone, the broker gone', () => {
  const node = kafkaNode({ port: 19392, controllerPort: 19393, label: 'shutdown' });
  const corpus = generateCorpus(40);
  const table: string[][] = [];
  let db: TestDatabase;
  let relay: TcpProxy;
  let env: Record<string, string>;
  let services: Record<Name, ServiceProcess>;
  let token: string;

  const startAll = async () => {
    const started = await Promise.all(NAMES.map((n) => startService(n, PORTS[n], env, 120_000)));
    services = Object.fromEntries(started.map((s) => [s.name, s])) as Record<Name, ServiceProcess>;
  };
  const terminateAll = async (label: string) => {
    const results = await Promise.all(NAMES.map((n) => terminate(services[n])));
    results.forEach((r, i) =>
      table.push([label, NAMES[i], String(r.code), String(r.ms), tally(r.ready)]),
    );
    return results;
  };

  beforeAll(async () => {
    rmSync(resolve(REPO_ROOT, '.data/kafka-shutdown'), { recursive: true, force: true });
    await node.start();
    await ensureTopics(node.brokers);
    db = await createTestDatabase('shutdown');
    const admin = new URL(PG_ADMIN_URL);
    relay = await startTcpProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
    const viaRelay = new URL(db.url);
    viaRelay.port = String(relay.port);
    env = {
      DATABASE_URL: viaRelay.toString(),
      KAFKA_BROKERS: node.brokers.join(','),
      ...TEST_KEY_ENV,
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'shutdown-admin-password',
      SHUTDOWN_TIMEOUT_MS: '9000',
    };
    await startAll();
    token = await signIn(services.commitments.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(Object.values(services ?? {}).map((s) => s.stop()));
    await relay?.close();
    await node.stop();
    await db?.drop();
    console.log(
      [
        'shutdown after SIGTERM (SHUTDOWN_TIMEOUT_MS 9000):',
        `${'case'.padEnd(16)} ${'service'.padEnd(14)} exit  ms     /health/ready after the signal`,
        ...table.map(
          ([c, s, code, ms, ready]) =>
            `${c.padEnd(16)} ${s.padEnd(14)} ${code.padEnd(5)} ${ms.padEnd(6)} ${ready}`,
        ),
      ].join('\n'),
    );
  });

  const post = (doc: CorpusDocument) =>
    postUntilAccepted(() => `http://127.0.0.1:${PORTS.ingestion}`, token, doc);

  const itemCount = async () =>
    (
      await queryRows<{ n: number }>(
        db.url,
        'SELECT count(*)::int AS n FROM commitments.tracked_items',
      )
    )[0].n;

  it('everything up, documents in flight: not ready at once, exit 0 in time, nothing lost or doubled after the restart', async () => {
    let next = 0;
    const sending = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < corpus.documents.length) await post(corpus.documents[next++]);
      }),
    );
    // Stop while documents are between the services: some taken in, not all tracked yet.
    const began = Date.now();
    while (next < corpus.documents.length / 2 && Date.now() - began < 60_000) await sleep(20);
    const stopped = await terminateAll('everything up');
    for (const r of stopped) {
      expect(r.code).toBe(0);
      expect(r.ms).toBeLessThan(BOUND_MS);
      expect(r.ready).not.toContain(200);
    }

    await startAll();
    await sending;
    const deadline = Date.now() + 120_000;
    let lag = -1;
    while (Date.now() < deadline) {
      lag = await consumerLag(node.brokers, SYSTEM_SUBSCRIPTIONS).catch(() => -1);
      if (lag === 0 && (await itemCount()) >= corpus.commitments.size) break;
      await sleep(500);
    }
    await sleep(1000); // a late duplicate would show now
    const items = await queryRows<{ action: string }>(
      db.url,
      'SELECT action FROM commitments.tracked_items',
    );
    const codes = items.map((i) => /KX\d{4}/u.exec(i.action)?.[0]);
    expect(lag).toBe(0);
    expect(new Set(codes).size).toBe(corpus.commitments.size);
    expect(items).toHaveLength(corpus.commitments.size);
  }, 300_000);

  it('database unreachable: every service still exits in time', async () => {
    await relay.cut();
    await sleep(1000);
    for (const r of await terminateAll('database gone')) {
      expect(r.ms).toBeLessThan(BOUND_MS);
      expect(r.ready).not.toContain(200);
    }
    await relay.restore();
    await startAll();
  }, 240_000);

  it('broker killed (kill -9): every service still exits in time', async () => {
    await node.kill();
    await sleep(1000);
    for (const r of await terminateAll('broker gone')) {
      expect(r.ms).toBeLessThan(BOUND_MS);
      expect(r.ready).not.toContain(200);
    }
  }, 120_000);
});
