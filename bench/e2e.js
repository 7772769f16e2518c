// End-to-end benchmark of the whole system (`npm run bench`): documents per
// second from POST /documents until every commitment.changed event they cause
// is published (acknowledged by Kafka and marked in the commitments outbox),
// sustained for DURATION seconds; latency percentiles at half that rate; the
// same with every service running as two instances in its consumer group
// (ordering per item checked on the topic); and where the time goes, from the
// services' own /metrics.
//   npm run bench   [DURATION=60 LATENCY_SECONDS=30 CONCURRENCY=32 INSTANCES=1,2]
// Uses its own Kafka broker (bench/broker.js, 127.0.0.1:29092) and a throwaway database per run.
const { Kafka, logLevel } = require('kafkajs');
const {
  sql,
  pct,
  startService,
  consumerLag,
  ingestKeyHeaders,
  ADMIN_URL,
  dbUrl,
  signingKeys,
} = require('./lib');

/** The benchmark's API key (set once the ingestion services know it). */
let auth = {};
const { BROKERS, TOPIC_POLICY, startBroker, stopBroker } = require('./broker');
const { rawKafka, rawUpsert } = require('./baselines');
const { cpuReading, cpuPerDocument } = require('./cpu');
const { declaration } = require('./documents');

const DURATION = Number(process.env.DURATION ?? 60);
const LATENCY_SECONDS = Number(process.env.LATENCY_SECONDS ?? 30);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const INSTANCES = (process.env.INSTANCES ?? '1,2').split(',').map(Number);
const SERVICES = ['ingestion', 'commitments', 'notifications', 'dashboard'];
/** When set, each service writes a V8 CPU profile there as it stops (open in Chrome DevTools). */
const PROFILE_DIR = process.env.PROFILE_DIR;
const secrets = {
  ...signingKeys(),
  ADMIN_EMAIL: 'admin@example.org',
  ADMIN_PASSWORD: 'bench-admin-password',
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Wait until every group has read everything: the next phase starts on an idle system. */
async function idle() {
  const t0 = Date.now();
  while ((await consumerLag(BROKERS)) > 0) await sleep(2000);
  return (Date.now() - t0) / 1000;
}

/** Every instance of every service, on its own port, sharing one database and the groups. */
async function startSystem(instances, url, procs) {
  for (let i = 0; i < instances; i++) {
    for (const [n, name] of SERVICES.entries()) {
      const port = 24500 + 10 * i + n;
      const child = await startService(
        name,
        port,
        {
          ...secrets,
          DATABASE_URL: url,
          KAFKA_BROKERS: BROKERS.join(','),
          KAFKA_REPLICATION_FACTOR: String(TOPIC_POLICY.replicationFactor),
          KAFKA_MIN_INSYNC_REPLICAS: String(TOPIC_POLICY.minIsr),
        },
        PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
      );
      procs.push({ name, port, child });
    }
  }
}

async function stopSystem(procs) {
  await Promise.all(
    procs.map(
      ({ child }) =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', done);
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Reads commitments.changed from the end, checking that each item's versions arrive in order. */
async function watchOrder() {
  const consumer = new Kafka({
    clientId: 'bench-order',
    brokers: BROKERS,
    logLevel: logLevel.NOTHING,
  }).consumer({ groupId: `bench-order-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: 'commitments.changed.v1', fromBeginning: false });
  const last = new Map();
  const stats = { events: 0, outOfOrder: 0 };
  await consumer.run({
    eachMessage: async ({ message }) => {
      const v = JSON.parse(message.value.toString()).data.version;
      const key = message.key.toString();
      if ((last.get(key) ?? 0) >= v) stats.outOfOrder++;
      last.set(key, v);
      stats.events++;
    },
  });
  await sleep(3000); // joined and positioned before the load starts
  return { stats, stop: () => consumer.disconnect() };
}

/** Messages on the system's topics now (the sum of every partition's end offset). */
async function topicMessages() {
  const admin = new Kafka({
    clientId: 'bench-count',
    brokers: BROKERS,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    let n = 0;
    for (const topic of await admin.listTopics()) {
      if (topic.startsWith('__') || topic.startsWith('bench-')) continue;
      for (const p of await admin.fetchTopicOffsets(topic)) n += Number(p.high);
    }
    return n;
  } finally {
    await admin.disconnect();
  }
}

/** Transactions committed and rows written in the benchmark's database so far (pg_stat_database). */
async function databaseWork(url, db) {
  const [r] = await sql(
    url,
    `SELECT xact_commit::bigint AS xacts, (tup_inserted + tup_updated + tup_deleted)::bigint AS rows
     FROM pg_stat_database WHERE datname = $1`,
    [db],
  );
  return { xacts: Number(r.xacts), rows: Number(r.rows) };
}

/** Post documents n0.. with `inFlight` requests at once, or at `rate` per second; returns send times by document id. */
async function load(ingestions, { n0, seconds, inFlight, rate }) {
  const sent = new Map();
  const t0 = Date.now();
  let n = n0;
  let k = 0;
  const one = async () => {
    const i = n++;
    const base = ingestions[k++ % ingestions.length];
    const at = Date.now();
    const res = await fetch(`${base}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ text: declaration(i), language: 'en', published: '2026-01-15' }),
    });
    if (res.status !== 201)
      throw new Error(`ingestion answered ${res.status}: ${await res.text()}`);
    sent.set((await res.json()).id, at);
  };
  if (rate) {
    const pending = [];
    for (let j = 0; Date.now() - t0 < seconds * 1000; j++) {
      const due = t0 + (j * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      pending.push(one());
    }
    await Promise.all(pending);
  } else {
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (Date.now() - t0 < seconds * 1000) await one();
      }),
    );
  }
  return { sent, acceptedIn: (Date.now() - t0) / 1000, next: n };
}

/** For each sent document: when the last commitment.changed its commitments caused was published. */
async function completions(url, sent, timeoutMs = 300_000) {
  const ids = [...sent.keys()];
  const end = Date.now() + timeoutMs;
  for (;;) {
    const rows = await sql(
      url,
      // A source and the commitment.changed it caused are written in one transaction:
      // same item, same created_at (the transaction's now()), so an equality join.
      `WITH src AS (
         SELECT document_id, item_id, created_at FROM commitments.item_sources
         WHERE document_id = ANY($1::uuid[])),
       per_item AS (
         SELECT src.document_id, src.item_id, min(o.published_at) AS published
         FROM src LEFT JOIN commitments.outbox o
           ON o.key = src.item_id::text AND o.created_at = src.created_at
         GROUP BY src.document_id, src.item_id)
       SELECT d.id, d.commitment_count AS expected, count(p.item_id)::int AS items,
              bool_and(p.published IS NOT NULL) AS all_published,
              extract(epoch FROM max(p.published)) * 1000 AS done
       FROM ingestion.documents d LEFT JOIN per_item p ON p.document_id = d.id
       WHERE d.id = ANY($1::uuid[]) GROUP BY d.id`,
      [ids],
    );
    const complete = rows.filter((r) => r.expected > 0 && r.items > 0 && r.all_published);
    if (complete.length === ids.length) return new Map(complete.map((r) => [r.id, Number(r.done)]));
    if (Date.now() > end) {
      throw new Error(`${ids.length - complete.length} of ${ids.length} documents never completed`);
    }
    await sleep(2000);
  }
}

/**
 * Where each document's time went, from the databases' own timestamps:
 * stored, announced (document.received published), extracted, its
 * commitments published, registered, and the last commitment.changed out.
 * Returns the median and 95th percentile of each step, in ms.
 */
async function hops(url, sent) {
  // Set-based (one scan of each outbox): per-document subqueries scanned the
  // outboxes once per document and took minutes.
  const rows = await sql(
    url,
    `WITH docs AS (
       SELECT id, received_at, extracted_at FROM ingestion.documents WHERE id = ANY($1::uuid[])),
     sent AS (
       SELECT key, topic, max(published_at) AS at FROM ingestion.outbox
       WHERE key = ANY($2::text[]) AND topic IN ('documents.received.v1', 'commitments.extracted.v1')
       GROUP BY key, topic),
     registered AS (
       SELECT s.document_id, max(s.created_at) AS at, max(o.published_at) AS published
       FROM commitments.item_sources s
       LEFT JOIN commitments.outbox o ON o.key = s.item_id::text AND o.created_at = s.created_at
       WHERE s.document_id = ANY($1::uuid[]) GROUP BY s.document_id)
     SELECT d.id,
       extract(epoch FROM d.received_at) * 1000 AS stored,
       extract(epoch FROM a.at) * 1000 AS announced,
       extract(epoch FROM d.extracted_at) * 1000 AS extracted,
       extract(epoch FROM h.at) * 1000 AS handed,
       extract(epoch FROM r.at) * 1000 AS registered,
       extract(epoch FROM r.published) * 1000 AS published
     FROM docs d
     JOIN sent a ON a.key = d.id::text AND a.topic = 'documents.received.v1'
     JOIN sent h ON h.key = d.id::text AND h.topic = 'commitments.extracted.v1'
     JOIN registered r ON r.document_id = d.id`,
    [[...sent.keys()], [...sent.keys()]],
  );
  const steps = [
    ['POST until stored (HTTP, transaction)', (r) => r.stored - sent.get(r.id)],
    ['stored until document.received published', (r) => r.announced - r.stored],
    ['until extracted (consume, extract, commit)', (r) => r.extracted - r.announced],
    ['until commitments.extracted published', (r) => r.handed - r.extracted],
    ['until registered (consume, match, commit)', (r) => r.registered - r.handed],
    ['until commitment.changed published', (r) => r.published - r.registered],
  ];
  return steps.map(([name, f]) => {
    const v = rows.map((r) => f({ ...r, ...numbers(r) }));
    return { name, p50: pct(v, 50), p95: pct(v, 95) };
  });
}

function numbers(r) {
  const out = {};
  for (const [k, v] of Object.entries(r)) if (k !== 'id') out[k] = Number(v);
  return out;
}

/** Sum and count of each histogram series on every instance's /metrics. */
async function stages(procs) {
  const out = new Map();
  for (const { name, port } of procs) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    for (const line of text.split('\n')) {
      const m =
        /^(ct_(?:extraction|event_wait|batch_apply|outbox_send)_seconds)_(sum|count)(\{[^}]*\})? (\S+)$/.exec(
          line,
        );
      if (!m) continue;
      const labels = (m[3] ?? '').replace(/,?service="[^"]*"/, '').replace(/engine="[^"]*",?/, '');
      const key = `${name.padEnd(13)} ${m[1].replace(/^ct_|_seconds$/g, '')} ${labels.replace(/[{}"]/g, '')}`;
      const e = out.get(key) ?? { sum: 0, count: 0 };
      e[m[2]] += Number(m[4]);
      out.set(key, e);
    }
  }
  return out;
}

async function run(instances) {
  const db = `ct_bench_e2e_${instances}_${Date.now()}`;
  const url = dbUrl(db);
  await sql(ADMIN_URL, `CREATE DATABASE ${db}`);
  const procs = [];
  let order;
  try {
    await startSystem(instances, url, procs); // fills procs as it goes: stopped in finally even if one fails
    auth = await ingestKeyHeaders(BROKERS, url, `bench-${instances}`);
    const ingestions = procs
      .filter((p) => p.name === 'ingestion')
      .map((p) => `http://127.0.0.1:${p.port}`);
    order = await watchOrder();

    // Sustained load: as fast as the system takes documents, for DURATION seconds.
    const messagesBefore = await topicMessages();
    const cpuBefore = await cpuReading(procs);
    const dbBefore = await databaseWork(url, db);
    const t0 = Date.now();
    const heavy = await load(ingestions, { n0: 0, seconds: DURATION, inFlight: CONCURRENCY });
    const done = await completions(url, heavy.sent);
    const lastDone = Math.max(...done.values());
    await idle(); // every consumer (notifications, dashboard) has read what the documents caused
    const messages = (await topicMessages()) - messagesBefore;
    const cpu = cpuPerDocument(cpuBefore, await cpuReading(procs), heavy.sent.size);
    const dbAfter = await databaseWork(url, db);
    const database = {
      transactions: (dbAfter.xacts - dbBefore.xacts) / heavy.sent.size,
      rows: (dbAfter.rows - dbBefore.rows) / heavy.sent.size,
    };
    // Every commitment a document states is one write of an item (created, or merged
    // into one the register knows) with its source: the rows the baseline upserts.
    const [{ items }] = await sql(
      url,
      'SELECT count(*)::int AS items FROM commitments.item_sources',
    );
    const throughput = heavy.sent.size / ((lastDone - t0) / 1000);
    const accepted = heavy.sent.size / heavy.acceptedIn;
    const metrics = await stages(procs);

    // Latency at half the sustained rate (open loop: arrivals do not wait for answers),
    // once the downstream consumers (notifications, dashboard) have caught up.
    const catchUp = await idle();
    const rate = Math.max(1, Math.floor(throughput / 2));
    const light = await load(ingestions, { n0: heavy.next, seconds: LATENCY_SECONDS, rate });
    const lightDone = await completions(url, light.sent);
    const latencies = [...light.sent].map(([id, at]) => lightDone.get(id) - at);
    const steps = await hops(url, light.sent);
    await sleep(2000);

    // The raw baselines, with the system stopped, on the same broker(s) and database.
    await stopSystem(procs);
    const kafka = await rawKafka(BROKERS, {
      messages,
      replicationFactor: TOPIC_POLICY.replicationFactor,
      minIsr: TOPIC_POLICY.minIsr,
    });
    const upsert = await rawUpsert(url, { rows: items });
    const systemSeconds = (lastDone - t0) / 1000;
    return {
      baseline: {
        messages,
        items,
        systemMessagesPerSecond: messages / systemSeconds,
        systemItemsPerSecond: items / systemSeconds,
        kafka,
        upsert,
      },
      instances,
      documents: heavy.sent.size,
      accepted,
      throughput,
      drainSeconds: (lastDone - t0) / 1000 - heavy.acceptedIn,
      catchUp,
      rate,
      p50: pct(latencies, 50),
      p95: pct(latencies, 95),
      p99: pct(latencies, 99),
      order: { ...order.stats },
      cpu,
      database,
      metrics,
      steps,
    };
  } catch (err) {
    // Said before the clean-up below, whose own failure would otherwise hide it.
    console.error(`run with ${instances} instance(s) failed:`, err);
    throw err;
  } finally {
    await order?.stop();
    await stopSystem(procs);
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}

async function main() {
  startBroker();
  const results = [];
  try {
    for (const n of INSTANCES) results.push(await run(n));
  } finally {
    stopBroker();
  }
  const bytes = Buffer.byteLength(declaration(0));
  console.log(
    `\nend to end on ${TOPIC_POLICY.label}, ${bytes}-byte documents, POST /documents until commitment.changed is published`,
  );
  console.log(
    'instances  docs   accepted/s  completed/s  drain s  all read s | at rate  p50 ms  p95 ms  p99 ms | changed events  out of order',
  );
  for (const r of results) {
    console.log(
      `${String(r.instances).padStart(9)}  ${String(r.documents).padStart(5)}  ${r.accepted.toFixed(0).padStart(10)}  ${r.throughput.toFixed(0).padStart(11)}  ${r.drainSeconds.toFixed(1).padStart(7)}  ${r.catchUp.toFixed(0).padStart(10)} | ${String(r.rate).padStart(7)}  ${r.p50.toFixed(0).padStart(6)}  ${r.p95.toFixed(0).padStart(6)}  ${r.p99.toFixed(0).padStart(6)} | ${String(r.order.events).padStart(14)}  ${String(r.order.outOfOrder).padStart(12)}`,
    );
  }
  console.log(
    `\nagainst raw baselines in the same run (${TOPIC_POLICY.label}): kafkajs alone producing (acks=all) and consuming the messages the sustained phase put on the topics, PostgreSQL alone upserting as many rows as the register wrote item changes (one per commitment and document), each inserted then updated, 1,000 rows a statement`,
  );
  console.log(
    'instances  messages  system msg/s  raw kafkajs msg/s  ratio |  writes  system writes/s  raw upsert rows/s  ratio',
  );
  for (const r of results) {
    const b = r.baseline;
    console.log(
      `${String(r.instances).padStart(9)}  ${String(b.messages).padStart(8)}  ${b.systemMessagesPerSecond.toFixed(0).padStart(12)}  ${b.kafka.perSecond.toFixed(0).padStart(17)}  ${(b.systemMessagesPerSecond / b.kafka.perSecond).toFixed(3).padStart(5)} | ${String(b.items).padStart(7)}  ${b.systemItemsPerSecond.toFixed(0).padStart(15)}  ${b.upsert.perSecond.toFixed(0).padStart(17)}  ${(b.systemItemsPerSecond / b.upsert.perSecond).toFixed(3).padStart(5)}`,
    );
  }
  console.log(
    '\nwhat one document costs in the sustained phase, until every consumer has read what it caused: CPU ms per part, and database transactions and rows written',
  );
  const parts = ['ingestion', 'commitments', 'notifications', 'dashboard', 'kafka', 'postgres'];
  console.log(
    `instances ${parts.map((p) => p.padStart(14)).join('')}  ${'total'.padStart(7)} | transactions  rows`,
  );
  for (const r of results) {
    const total = parts.reduce((a, p) => a + (r.cpu[p] ?? 0), 0);
    console.log(
      `${String(r.instances).padStart(9)} ${parts.map((p) => (r.cpu[p] ?? 0).toFixed(2).padStart(14)).join('')}  ${total.toFixed(2).padStart(7)} | ${r.database.transactions.toFixed(2).padStart(12)}  ${r.database.rows.toFixed(1).padStart(4)}`,
    );
  }
  for (const r of results) {
    console.log(
      `\nlatency phase, ${r.instances} instance(s) per service, ${r.rate} documents/s: each step of a document's way (ms)`,
    );
    console.log(`  ${'step'.padEnd(46)}    p50     p95`);
    for (const h of r.steps) {
      console.log(
        `  ${h.name.padEnd(46)} ${h.p50.toFixed(0).padStart(6)}  ${h.p95.toFixed(0).padStart(6)}`,
      );
    }
  }
  for (const r of results) {
    console.log(
      `\nwhere the time goes, ${r.instances} instance(s) per service, sustained phase (mean per observation):`,
    );
    for (const [key, { sum, count }] of [...r.metrics].sort()) {
      if (count > 0)
        console.log(
          `  ${key.padEnd(80)} ${((1000 * sum) / count).toFixed(1).padStart(8)} ms  × ${count}`,
        );
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
