// Raw baselines for `npm run bench`, run in the same process on the same broker
// and database: what kafkajs alone does with the same number of messages
// (produce with acks from all in-sync replicas, then consume them in a group),
// and what PostgreSQL alone does with the same number of rows (multi-row upserts
// of 1,000). The system's figures are printed as ratios of these.
const { randomUUID } = require('node:crypto');
const { Kafka, logLevel } = require('kafkajs');
const { Client } = require('pg');
const { sql } = require('./lib');

/** Messages per second from the first send to the last message consumed. */
async function rawKafka(brokers, { messages, bytes = 600, replicationFactor = 1, minIsr = 1 }) {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench-raw-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      {
        topic,
        numPartitions: 6,
        replicationFactor,
        configEntries: [{ name: 'min.insync.replicas', value: String(minIsr) }],
      },
    ],
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `${topic}-group` });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  let resolveAll;
  const all = new Promise((r) => (resolveAll = r));
  await consumer.run({
    eachBatchAutoResolve: true,
    eachBatch: async ({ batch }) => {
      seen += batch.messages.length;
      if (seen >= messages) resolveAll();
    },
  });
  await new Promise((r) => setTimeout(r, 2000)); // joined before the clock starts
  const value = 'x'.repeat(bytes);
  const t0 = Date.now();
  const BATCH = 500;
  for (let i = 0; i < messages; i += BATCH) {
    const n = Math.min(BATCH, messages - i);
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: n }, (_, j) => ({ key: String((i + j) % 997), value })),
    });
  }
  await all;
  const seconds = (Date.now() - t0) / 1000;
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return { messages, seconds, perSecond: messages / seconds };
}

/** Rows per second upserted 1,000 at a time into a table shaped like the register's items (each row inserted, then updated). */
async function rawUpsert(url, { rows }) {
  const table = `bench_raw_${Date.now()}`;
  await sql(
    url,
    `CREATE TABLE ${table} (id uuid PRIMARY KEY, actor text NOT NULL, action text NOT NULL,
       status text NOT NULL, due_date date, version int NOT NULL, state jsonb NOT NULL)`,
  );
  const ids = Array.from({ length: rows }, () => randomUUID());
  // One connection, as a service's pool keeps them.
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined); // a query's own failure rejects; see bench/lib.js sql()
  await client.connect();
  const t0 = Date.now();
  const BATCH = 1000;
  try {
    // Each row written twice, as the register creates an item and then adds a source to it.
    for (const pass of [1, 2]) {
      for (let i = 0; i < rows; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH);
        await client.query(
          `INSERT INTO ${table} (id, actor, action, status, due_date, version, state)
         SELECT id, 'Secretariat', 'prepare a report on ' || id, 'open', DATE '2027-06-30', $2::int,
                jsonb_build_object('id', id, 'version', $2::int)
         FROM unnest($1::uuid[]) AS id
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state`,
          [chunk, pass],
        );
      }
    }
  } finally {
    await client.end();
  }
  const seconds = (Date.now() - t0) / 1000;
  await sql(url, `DROP TABLE ${table}`);
  return { rows, seconds, perSecond: rows / seconds };
}

module.exports = { rawKafka, rawUpsert };
