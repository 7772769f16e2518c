// Register benchmark: 1,000,000 tracked items in PostgreSQL, list and due-soon
// query latency through the real HTTP API, and the rate at which
// commitment.extracted events are absorbed from Kafka into merged items.
//   npm run bench:commitments   [ITEMS=1000000 EVENTS=60000 QUERIES=300 PROFILE_DIR=dir]
// Uses its own Kafka broker (bench/broker.js, 127.0.0.1:29092) and a throwaway database.
const { randomUUID } = require('node:crypto');
const {
  sql,
  ms,
  pct,
  seedItemsSql,
  startService,
  ADMIN_URL,
  dbUrl,
  signingKeys,
} = require('./lib');
const { Kafka, logLevel } = require('kafkajs');

const ITEMS = Number(process.env.ITEMS ?? 1_000_000);
const EVENTS = Number(process.env.EVENTS ?? 60_000);
const QUERIES = Number(process.env.QUERIES ?? 300);
const PORT = 24202;
const { BROKERS, startBroker, stopBroker } = require('./broker');
const db = `ct_bench_${Date.now()}`;
const admin = ADMIN_URL;
const url = dbUrl(db);
const secrets = {
  ...signingKeys(),
  ADMIN_EMAIL: 'admin@example.org',
  ADMIN_PASSWORD: 'bench-admin-password',
};

/** The commitments service; PROFILE_DIR=dir writes a V8 CPU profile of it there when it exits. */
const startCommitments = () =>
  startService(
    'commitments',
    PORT,
    { ...secrets, DATABASE_URL: url, KAFKA_BROKERS: BROKERS.join(',') },
    process.env.PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : [],
  );

async function main() {
  startBroker();
  await sql(admin, `CREATE DATABASE ${db}`);
  let service;
  try {
    service = await startCommitments(); // applies the migrations
    let t0 = process.hrtime.bigint();
    // Bulk load in one statement per 100k rows: set-based, no per-row round trips.
    for (let from = 1; from <= ITEMS; from += 100_000) {
      const to = Math.min(ITEMS, from + 99_999);
      await sql(url, seedItemsSql(from, to));
    }
    await sql(url, 'ANALYZE commitments.tracked_items');
    const loadMs = ms(t0);

    const login = await fetch(`http://127.0.0.1:${PORT}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: secrets.ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD }),
    });
    const { token } = await login.json();
    const today = new Date().toISOString().slice(0, 10);
    const in30 = new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10);
    const queries = {
      'open mandates by due date': 'kind=mandate&status=open&sort=due&limit=50',
      'one actor': 'actor=Actor%2042&limit=50',
      overdue: 'overdue=true&sort=due&limit=50',
      'text search': 'q=water%20security&limit=50',
      'page 20 of everything': 'offset=1000&limit=50',
    };
    const dueSoon = `open=true&dueAfter=${today}&dueBefore=${in30}&sort=due&limit=50`;
    const time = async (q) => {
      const lat = [];
      for (let i = 0; i < QUERIES; i++) {
        const t = process.hrtime.bigint();
        const res = await fetch(`http://127.0.0.1:${PORT}/items?${q}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await res.json();
        if (res.status !== 200) throw new Error(`${q}: ${res.status}`);
        lat.push(ms(t));
      }
      return lat;
    };
    const rows = [];
    for (const [name, q] of Object.entries(queries)) rows.push([name, await time(q)]);
    const dueLat = await time(dueSoon);

    // Absorption: events for new and for already-tracked commitments, produced in bulk.
    const kafka = new Kafka({ clientId: 'bench', brokers: BROKERS, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const runId = randomUUID();
    const before = Number(
      (await sql(url, 'SELECT count(*) AS n FROM commitments.processed_events'))[0].n,
    );
    const messages = [];
    for (let i = 0; i < EVENTS; i++) {
      const documentId = randomUUID();
      const id = `bench:${runId}:${i}`;
      messages.push({
        key: documentId,
        value: JSON.stringify({
          specversion: '1.0',
          id,
          source: '/bench',
          type: 'commitment.extracted.v1',
          time: new Date().toISOString(),
          datacontenttype: 'application/json',
          data: {
            documentId,
            index: 0,
            kind: 'mandate',
            actor: `Bench actor ${i % 500}`,
            action: `prepare report number ${i % 5000} on topic ${i % 37}`,
            evidence: { text: 'instruct the bench actor to prepare', start: 0, end: 35 },
            deadline: null,
            deadlineSource: 'none',
            language: 'en',
            confidence: 0.9,
            published: '2025-01-01',
            engine: { name: 'bench', version: '1' },
          },
        }),
      });
    }
    t0 = process.hrtime.bigint();
    for (let i = 0; i < messages.length; i += 1000)
      await producer.send({
        topic: 'commitments.extracted.v1',
        acks: -1,
        messages: messages.slice(i, i + 1000),
      });
    await producer.disconnect();
    const produceSecs = ms(t0) / 1000;
    let done = 0;
    const deadline = Date.now() + 20 * 60_000;
    while (done < EVENTS && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      done =
        Number((await sql(url, 'SELECT count(*) AS n FROM commitments.processed_events'))[0].n) -
        before;
    }
    const absorbSecs = ms(t0) / 1000;
    const unsent = Number(
      (await sql(url, 'SELECT count(*) AS n FROM commitments.outbox WHERE published_at IS NULL'))[0]
        .n,
    );

    console.log(
      `items loaded: ${ITEMS.toLocaleString('en')} in ${(loadMs / 1000).toFixed(1)} s (set-based INSERT … SELECT)`,
    );
    console.log(`\nquery (HTTP GET /items, ${QUERIES} runs each)       p50 ms   p99 ms`);
    for (const [name, lat] of rows)
      console.log(
        `${name.padEnd(44)} ${pct(lat, 50).toFixed(1).padStart(7)} ${pct(lat, 99).toFixed(1).padStart(8)}`,
      );
    console.log(
      `${'due soon (next 30 days, open, by due date)'.padEnd(44)} ${pct(dueLat, 50).toFixed(1).padStart(7)} ${pct(dueLat, 99).toFixed(1).padStart(8)}`,
    );
    console.log(
      `\nabsorbed ${done.toLocaleString('en')} of ${EVENTS.toLocaleString('en')} commitment.extracted events in ${absorbSecs.toFixed(1)} s: ${(done / absorbSecs).toFixed(0)} events/s (outbox rows still unsent: ${unsent}; producing them took ${produceSecs.toFixed(1)} s of that)`,
    );
  } finally {
    service?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    if (process.env.KEEP_DB) console.log('kept database', db);
    else await sql(admin, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    stopBroker();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
