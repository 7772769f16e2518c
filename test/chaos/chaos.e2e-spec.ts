import { DeadLetterHeaders, Topics } from '@ct/contracts';
import { ensureTopics } from '@ct/messaging';
import {
  createTestDatabase,
  queryRows,
  skipBacklog,
  startService,
  SYSTEM_CONSUMERS,
  TEST_KAFKA_BROKERS,
  TopicReader,
  type ServiceProcess,
  type TestDatabase,
  TEST_KEY_ENV,
} from '@ct/testing';
import { generateCorpus, type CorpusDocument } from './corpus';
import { restartBroker, restartPostgres } from './infrastructure';
import { injectPoison, type Poison } from './poison';
import { postUntilAccepted } from './client';
import { startMailSink, startWebhookSink } from './receivers';
import { waitToSettle } from './settle';

/*
 * The whole system as real processes on the real broker and database, fed a
 * steady stream of generated documents while services are killed with
 * SIGKILL, the broker and PostgreSQL are restarted and poison messages land
 * on every topic. Then: every commitment tracked exactly once with all its
 * sources, nothing extra, every due alert received, every poison message
 * dead-lettered with its reason, no good event dead-lettered, lag back to 0.
 *
 * CHAOS_DOCUMENTS (300 in `npm test`, 2,000 in `npm run test:chaos`),
 * CHAOS_RATE (documents per second), CHAOS_SEED (fault timing).
 */
const DOCUMENTS = Number(process.env.CHAOS_DOCUMENTS ?? 300);
// Paced so that the stream lasts about as long as the faults take (~170 s: a killed
// service is back once Kafka has expired its old group member, ~30 s), so they interleave.
const RATE = Number(process.env.CHAOS_RATE ?? Math.max(2, Math.round(DOCUMENTS / 170)));
const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 1_000_000));
const CONVERGE_MS = Number(process.env.CHAOS_CONVERGE_MS ?? 240_000);
const PORTS = { ingestion: 24401, commitments: 24402, notifications: 24403, dashboard: 24400 };
type Name = keyof typeof PORTS;

/** mulberry32: a small seeded generator, so a failing run's fault timing can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface FaultLog {
  fault: string;
  atDocument: number;
  tookMs: number;
}

describe(`chaos: ${DOCUMENTS} documents under faults`, () => {
  const corpus = generateCorpus(DOCUMENTS);
  const rnd = random(SEED);
  let db: TestDatabase;
  let mail: Awaited<ReturnType<typeof startMailSink>>;
  let hooks: Awaited<ReturnType<typeof startWebhookSink>>;
  let env: Record<string, string>;
  let adminToken: string;
  const services = new Map<Name, ServiceProcess>();
  const url = (s: Name) => `http://127.0.0.1:${PORTS[s]}`;

  const start = async (name: Name) =>
    services.set(name, await startService(name, PORTS[name], env, 120_000));

  async function killAndRestart(name: Name): Promise<void> {
    const s = services.get(name)!;
    const exited = new Promise((r) => s.process.once('exit', r));
    s.process.kill('SIGKILL');
    await exited;
    await sleep(300 + rnd() * 1500);
    await start(name);
  }

  async function allHealthy(timeoutMs = 120_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (const name of Object.keys(PORTS) as Name[]) {
      for (;;) {
        const ok = await fetch(`${url(name)}/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (Date.now() > end) throw new Error(`${name} not healthy again within ${timeoutMs} ms`);
        await sleep(500);
      }
    }
  }

  beforeAll(async () => {
    await ensureTopics(TEST_KAFKA_BROKERS);
    await skipBacklog(TEST_KAFKA_BROKERS);
    db = await createTestDatabase('chaos');
    mail = await startMailSink();
    hooks = await startWebhookSink();
    env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
      LOG_LEVEL: 'info',
      ...TEST_KEY_ENV,
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'chaos-admin-password',
      SMTP_URL: mail.url,
      // The webhook sink listens on loopback, which only an explicit allowance reaches.
      EGRESS_ALLOW: '127.0.0.1',
      MAIL_FROM: 'alerts@example.org',
      SCHEDULER_INTERVAL_MS: '500',
      DELIVERY_BACKOFF_MS: '500',
      DELIVERY_MAX_ATTEMPTS: '20',
    };
    // Migrations first, one service at a time (they share the database), then the rest.
    for (const name of Object.keys(PORTS) as Name[]) await start(name);
    const login = await fetch(`${url('commitments')}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    adminToken = token;
    for (const channel of [{ email: 'coordinators@example.org' }, { webhook: hooks.url }]) {
      const res = await fetch(`${url('notifications')}/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(channel),
      });
      expect(res.status).toBe(201);
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all([...services.values()].map((s) => s.stop()));
    await mail?.close();
    await hooks?.close();
    await db?.drop();
  });

  it('tracks every commitment once, delivers every due alert, dead-letters every poison message', async () => {
    let sent = 0;
    let retries = 0;
    let lostAnswers = 0;

    async function post(doc: CorpusDocument): Promise<void> {
      const r = await postUntilAccepted(() => url('ingestion'), adminToken, doc);
      retries += r.retries;
      if (r.answerLost) lostAnswers++;
    }

    const began = Date.now();
    const driver = (async () => {
      let next = 0;
      const worker = async () => {
        while (next < corpus.documents.length) {
          const i = next++;
          const due = began + (i * 1000) / RATE;
          if (due > Date.now()) await sleep(due - Date.now());
          await post(corpus.documents[i]);
          sent++;
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    })();

    const poison: Poison[] = [];
    const faults: [number, string, () => Promise<unknown>][] = [
      [0.05 + rnd() * 0.1, 'kill -9 ingestion, restart', () => killAndRestart('ingestion')],
      [0.15 + rnd() * 0.1, 'kill -9 commitments, restart', () => killAndRestart('commitments')],
      [
        0.25 + rnd() * 0.05,
        'poison: 3 messages on each of 5 topics',
        async () => poison.push(...(await injectPoison(TEST_KAFKA_BROKERS, 1))),
      ],
      [
        0.3 + rnd() * 0.1,
        'Kafka broker stopped 5 s, started',
        () => restartBroker(5000).then(() => allHealthy()),
      ],
      [0.45 + rnd() * 0.1, 'kill -9 notifications, restart', () => killAndRestart('notifications')],
      [
        0.55 + rnd() * 0.1,
        'PostgreSQL restarted',
        () => restartPostgres().then(() => allHealthy()),
      ],
      [0.7 + rnd() * 0.1, 'kill -9 dashboard, restart', () => killAndRestart('dashboard')],
    ];
    const log: FaultLog[] = [];
    for (const [at, fault, run] of faults) {
      while (sent < at * DOCUMENTS && sent < DOCUMENTS) await sleep(50);
      const t0 = Date.now();
      const atDocument = sent;
      await run();
      log.push({ fault, atDocument, tookMs: Date.now() - t0 });
    }
    await driver;
    const drivenMs = Date.now() - began;

    // Wait for the system to settle: everything registered, alerted and read.
    const { lag, settledMs, expectedItems, expectedAlerts } = await waitToSettle({
      brokers: TEST_KAFKA_BROKERS,
      dbUrl: db.url,
      corpus,
      receivers: [mail, hooks],
      timeoutMs: CONVERGE_MS,
    });
    const count = async (sql: string) => (await queryRows<{ n: number }>(db.url, sql))[0].n;

    // What the database holds.
    const documents = await count('SELECT count(*)::int AS n FROM ingestion.documents');
    const items = await queryRows<{ action: string; rows: number; docs: number }>(
      db.url,
      `SELECT i.action, count(s.id)::int AS rows, count(DISTINCT s.document_id)::int AS docs
       FROM commitments.tracked_items i LEFT JOIN commitments.item_sources s ON s.item_id = i.id
       GROUP BY i.id`,
    );
    const itemsByCode = new Map<string, number>();
    let stray = 0;
    let sourcesRight = 0;
    for (const i of items) {
      const code = /KX\d{4}/u.exec(i.action)?.[0];
      if (!code || !corpus.commitments.has(code)) {
        stray++;
        continue;
      }
      itemsByCode.set(code, (itemsByCode.get(code) ?? 0) + 1);
      if (i.rows === corpus.mentions.get(code) && i.docs === i.rows) sourcesRight++;
    }
    const onceEach = [...corpus.commitments.keys()].filter((c) => itemsByCode.get(c) === 1).length;
    const wrongSources = items
      .map((i) => ({ ...i, code: /KX\d{4}/u.exec(i.action)?.[0] ?? '' }))
      .filter((i) => i.code && !(i.rows === corpus.mentions.get(i.code) && i.docs === i.rows));
    const notOnce = [...corpus.commitments.keys()].filter((c) => itemsByCode.get(c) !== 1);
    const unread = await queryRows<{ title: string }>(
      db.url,
      'SELECT title FROM ingestion.documents WHERE extracted_at IS NULL',
    );
    const alertsRaised = await count(
      'SELECT count(*)::int AS n FROM notifications.alerts WHERE raised_at IS NOT NULL',
    );

    // What the dead-letter topic holds.
    const reader = await TopicReader.open(TEST_KAFKA_BROKERS, [Topics.deadLetter]);
    const expectedDead = poison.reduce((n, p) => n + SYSTEM_CONSUMERS[p.topic].length, 0);
    await reader
      .waitFor((m) => m.key?.startsWith('poison:') ?? false, expectedDead, 30_000)
      .catch(() => undefined);
    await sleep(1000);
    const dead = reader.messages;
    await reader.close();
    const deadFor = (p: Poison, group: string) =>
      dead.filter(
        (m) =>
          m.key === p.key &&
          m.headers[DeadLetterHeaders.consumerGroup] === group &&
          (m.headers[DeadLetterHeaders.reason] ?? '').length > 0,
      ).length;
    const poisonFound = poison.reduce(
      (n, p) => n + SYSTEM_CONSUMERS[p.topic].filter((g) => deadFor(p, g) >= 1).length,
      0,
    );
    const goodDeadLettered = dead.filter((m) => !m.key?.startsWith('poison:'));

    const rows: [string, string | number, string | number][] = [
      [
        'documents sent (POST retried until accepted)',
        DOCUMENTS,
        `${sent} (${retries} retries, ${lostAnswers} answers lost)`,
      ],
      ['documents stored', DOCUMENTS, documents],
      ['tracked items', expectedItems, items.length],
      ['commitments tracked exactly once', expectedItems, onceEach],
      ['items with exactly their sources', expectedItems, sourcesRight],
      ['items not in the corpus', 0, stray],
      ['due alerts raised', expectedAlerts, alertsRaised],
      [
        'emails received: distinct alerts (total)',
        expectedAlerts,
        `${mail.got.byAlert.size} (${mail.got.total}; resent ${mail.got.resent})`,
      ],
      [
        'webhooks received: distinct alerts (total)',
        expectedAlerts,
        `${hooks.got.byAlert.size} (${hooks.got.total}; resent ${hooks.got.resent})`,
      ],
      ['poison messages dead-lettered with reason, per group', expectedDead, poisonFound],
      ['good events dead-lettered', 0, goodDeadLettered.length],
      ['consumer lag at the end', 0, lag],
    ];
    const table = [
      '',
      `chaos run: ${DOCUMENTS} documents (${expectedItems} commitments, ${[...corpus.mentions.values()].filter((n) => n > 1).length} repeated in a second document), ${RATE}/s, seed ${SEED}`,
      `driven in ${(drivenMs / 1000).toFixed(1)} s, settled ${(settledMs / 1000).toFixed(1)} s later`,
      '',
      'injected                                     at document   took',
      ...log.map(
        (f) =>
          `  ${f.fault.padEnd(44)} ${String(f.atDocument).padStart(6)}   ${(f.tookMs / 1000).toFixed(1)} s`,
      ),
      ...poison.map((p) => `    poison on ${p.topic}: ${p.kind}`),
      '',
      `${'check'.padEnd(54)} ${'expected'.padStart(9)}   found`,
      ...rows.map(
        ([what, exp, found]) => `  ${what.padEnd(52)} ${String(exp).padStart(9)}   ${found}`,
      ),
      ...notOnce.slice(0, 5).map(
        (c) =>
          `  ${c}: ${itemsByCode.get(c) ?? 0} items, in ${corpus.documents
            .filter((d) => d.codes.includes(c))
            .map((d) => d.title)
            .join(', ')}`,
      ),
      ...wrongSources
        .slice(0, 5)
        .map(
          (i) =>
            `  ${i.code}: ${i.rows} source rows from ${i.docs} documents, expected ${corpus.mentions.get(i.code)}`,
        ),
      ...unread.slice(0, 5).map((d) => `  never extracted: ${d.title}`),
      ...poison.flatMap((p) =>
        SYSTEM_CONSUMERS[p.topic]
          .filter((g) => deadFor(p, g) === 0)
          .map((g) => `  not dead-lettered by ${g}: ${p.topic} ${p.kind}`),
      ),
      ...goodDeadLettered
        .slice(0, 5)
        .map(
          (m) =>
            `  dead-lettered: ${m.headers[DeadLetterHeaders.originalTopic]} ${m.headers[DeadLetterHeaders.reason]}`,
        ),
      '',
    ].join('\n');
    process.stdout.write(table);

    expect(documents).toBe(DOCUMENTS);
    expect(items.length).toBe(expectedItems);
    expect(onceEach).toBe(expectedItems);
    expect(sourcesRight).toBe(expectedItems);
    expect(stray).toBe(0);
    expect(alertsRaised).toBe(expectedAlerts);
    // Each alert reached each receiver; a rare resend (a crash between sending and
    // recording) carries the same Message-ID / webhook-id, so receivers fold it.
    expect(mail.got.byAlert.size).toBe(expectedAlerts);
    expect(hooks.got.byAlert.size).toBe(expectedAlerts);
    expect(poisonFound).toBe(expectedDead);
    expect(goodDeadLettered).toEqual([]);
    expect(lag).toBe(0);
  }, 1_200_000);
});
