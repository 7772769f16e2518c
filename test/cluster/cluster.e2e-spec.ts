import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALERT_RAISED, COMMITMENT_CHANGED, Topics, TOPIC_SPECS } from '@ct/contracts';
import {
  createTestDatabase,
  kafkaCluster,
  queryRows,
  REPO_ROOT,
  signIn,
  startService,
  TEST_KEY_ENV,
  TopicReader,
  type ServiceProcess,
  type TestDatabase,
  withKafkaAdmin,
} from '@ct/testing';
import { postUntilAccepted } from '../chaos/client';
import { generateCorpus, type CorpusDocument } from '../chaos/corpus';
import { startMailSink, startWebhookSink } from '../chaos/receivers';
import { waitToSettle } from '../chaos/settle';

/*
 * The system on a three-node Kafka cluster (replication factor 3,
 * min.insync.replicas 2) with two instances of every service, fed a stream of
 * generated documents while the broker leading the most partitions is killed
 * with SIGKILL and started again, and one instance of each service is killed
 * with SIGKILL (the other carries on alone). Then: every document stored,
 * every commitment tracked once, every due alert raised once and delivered,
 * each item's events in version order, consumer lag back to 0.
 *
 * CLUSTER_DOCUMENTS (150), CLUSTER_RATE (documents per second, 3).
 */
const DOCUMENTS = Number(process.env.CLUSTER_DOCUMENTS ?? 150);
const RATE = Number(process.env.CLUSTER_RATE ?? 3);
const CONVERGE_MS = Number(process.env.CLUSTER_CONVERGE_MS ?? 180_000);
const BASE_PORT = 19492; // clients 19492-19494, controllers 19592-19594
const SERVICES = ['commitments', 'ingestion', 'notifications', 'dashboard'] as const;
type Name = (typeof SERVICES)[number];
const PORTS: Record<Name, [number, number]> = {
  ingestion: [24700, 24701],
  commitments: [24702, 24703],
  notifications: [24704, 24705],
  dashboard: [24706, 24707],
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The node (1-3) that leads the most partitions of the system's topics. */
async function leaderHeavyNode(brokers: string[]): Promise<{ node: 1 | 2 | 3; leads: number }> {
  return withKafkaAdmin(brokers, 'cluster-test', async (admin) => {
    const meta = await admin.fetchTopicMetadata({ topics: TOPIC_SPECS.map((t) => t.name) });
    const leads = new Map<number, number>();
    for (const t of meta.topics)
      for (const p of t.partitions) leads.set(p.leader, (leads.get(p.leader) ?? 0) + 1);
    const [node, n] = [...leads].sort((a, b) => b[1] - a[1])[0];
    return { node: node as 1 | 2 | 3, leads: n };
  });
}

describe(`cluster: ${DOCUMENTS} documents, two instances per service, a broker and an instance of each killed`, () => {
  const cluster = kafkaCluster({ basePort: BASE_PORT, label: 'cluster-test' });
  const corpus = generateCorpus(DOCUMENTS);
  let db: TestDatabase;
  let mail: Awaited<ReturnType<typeof startMailSink>>;
  let hooks: Awaited<ReturnType<typeof startWebhookSink>>;
  let env: Record<string, string>;
  let token: string;
  const instances = new Map<string, ServiceProcess>();
  const alive = (name: Name) =>
    PORTS[name].map((p) => instances.get(`${name}:${p}`)).filter((s): s is ServiceProcess => !!s);

  beforeAll(async () => {
    rmSync(resolve(REPO_ROOT, '.data/kafka-cluster-test'), { recursive: true, force: true });
    await cluster.up();
    db = await createTestDatabase('cluster');
    mail = await startMailSink();
    hooks = await startWebhookSink();
    env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: cluster.brokers.join(','),
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      ...TEST_KEY_ENV,
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'cluster-admin-password',
      SMTP_URL: mail.url,
      EGRESS_ALLOW: '127.0.0.1',
      MAIL_FROM: 'alerts@example.org',
      SCHEDULER_INTERVAL_MS: '500',
      DELIVERY_BACKOFF_MS: '500',
      DELIVERY_MAX_ATTEMPTS: '20',
    };
    // Both instances of a service start together (their migrations take turns
    // under the advisory lock); services one after the other, to spare the two cores.
    for (const name of SERVICES) {
      const started = await Promise.all(
        PORTS[name].map((port) => startService(name, port, env, 180_000)),
      );
      started.forEach((s, i) => instances.set(`${name}:${PORTS[name][i]}`, s));
    }
    token = await signIn(alive('commitments')[0].url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    for (const channel of [{ email: 'coordinators@example.org' }, { webhook: hooks.url }]) {
      const res = await fetch(`${alive('notifications')[0].url}/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(channel),
      });
      expect(res.status).toBe(201);
    }
  }, 600_000);

  afterAll(async () => {
    await Promise.all([...instances.values()].map((s) => s.stop()));
    await mail?.close();
    await hooks?.close();
    await cluster.down();
    // CLUSTER_KEEP_DB=1 keeps the database for a look after the run.
    if (process.env.CLUSTER_KEEP_DB === '1') console.log(`kept database ${db?.name}`);
    else await db?.drop();
  }, 120_000);

  let posted = 0;
  /** POST to either ingestion instance until one takes it, as a client behind a load balancer would. */
  async function post(doc: CorpusDocument): Promise<number> {
    const { retries } = await postUntilAccepted(
      (attempt) => {
        const targets = alive('ingestion');
        return targets[(posted + attempt) % targets.length].url;
      },
      token,
      doc,
      15_000,
    );
    return retries;
  }

  async function killInstance(name: Name): Promise<string> {
    const key = `${name}:${PORTS[name][1]}`;
    const s = instances.get(key)!;
    const exited = new Promise((r) => s.process.once('exit', r));
    s.process.kill('SIGKILL');
    await exited;
    instances.delete(key);
    return key;
  }

  it('loses nothing, duplicates nothing, keeps each item in order, and catches up', async () => {
    let retries = 0;
    const began = Date.now();
    const driver = (async () => {
      let next = 0;
      const worker = async () => {
        while (next < corpus.documents.length) {
          const i = next++;
          const due = began + (i * 1000) / RATE;
          if (due > Date.now()) await sleep(due - Date.now());
          retries += await post(corpus.documents[i]);
          posted++;
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
    })();

    const faults: string[] = [];
    const at = async (share: number, what: () => Promise<string>) => {
      while (posted < share * DOCUMENTS) await sleep(50);
      const t0 = Date.now();
      const atDoc = posted;
      const did = await what();
      faults.push(
        `${did.padEnd(58)} at document ${String(atDoc).padStart(4)}, took ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    };
    let killed: 1 | 2 | 3 = 1;
    await at(0.2, async () => {
      const { node, leads } = await leaderHeavyNode(cluster.brokers);
      killed = node;
      await cluster.kill(node);
      return `kill -9 broker ${node} (leader of ${leads} partitions)`;
    });
    // The node's start is not awaited: it takes a while (it catches up on the
    // partitions it missed), and the instances are killed meanwhile.
    let restarted: Promise<void> = Promise.resolve();
    await at(0.35, async () => {
      restarted = cluster.start(killed);
      return `broker ${killed} starting again`;
    });
    await at(0.55, async () => {
      const gone = await Promise.all(SERVICES.map((s) => killInstance(s)));
      return `kill -9 one instance of each service (${gone.map((g) => g.split(':')[1]).join(', ')})`;
    });
    const t0 = Date.now();
    await restarted;
    faults.push(
      `broker ${killed} listening again ${((Date.now() - t0) / 1000).toFixed(1)} s after the instances were killed`,
    );
    await driver;
    const drivenMs = Date.now() - began;

    // Settle: everything registered, alerted, delivered, and read by every group.
    const { lag, settledMs, expectedItems, expectedAlerts } = await waitToSettle({
      brokers: cluster.brokers,
      dbUrl: db.url,
      corpus,
      receivers: [mail, hooks],
      timeoutMs: CONVERGE_MS,
    });
    const count = async (sql: string) => (await queryRows<{ n: number }>(db.url, sql))[0].n;

    const documents = await count('SELECT count(*)::int AS n FROM ingestion.documents');
    const items = await queryRows<{ action: string }>(
      db.url,
      'SELECT action FROM commitments.tracked_items',
    );
    const perCode = new Map<string, number>();
    for (const i of items) {
      const code = /KX\d{4}/u.exec(i.action)?.[0] ?? 'stray';
      perCode.set(code, (perCode.get(code) ?? 0) + 1);
    }
    const tracked = [...corpus.commitments.keys()].filter((c) => perCode.has(c)).length;
    const duplicatedItems = [...perCode].filter(([c, n]) => c !== 'stray' && n > 1).length;
    const alertsRaised = await count(
      'SELECT count(*)::int AS n FROM notifications.alerts WHERE raised_at IS NOT NULL',
    );
    // For a failing run: what the notifications service knows of items never alerted.
    const unalerted = await queryRows<Record<string, unknown>>(
      db.url,
      `SELECT i.id, i.version, i.due_date::text AS due, i.status,
              (SELECT json_agg(json_build_object('reason', a.reason, 'fire', a.fire_at, 'raised', a.raised_at))
                 FROM notifications.alerts a WHERE a.item_id = i.id) AS alerts,
              (SELECT row_to_json(w) FROM notifications.watched_deadlines w WHERE w.item_id = i.id) AS watched
       FROM commitments.tracked_items i
       WHERE NOT EXISTS (SELECT 1 FROM notifications.alerts a WHERE a.item_id = i.id AND a.raised_at IS NOT NULL)
       LIMIT 10`,
    );

    // For a failing run: where the documents of commitments not tracked stopped.
    const untracked = [...corpus.commitments.keys()].filter((c) => !perCode.has(c));
    const trail: string[] = [];
    for (const code of untracked.slice(0, 5)) {
      const doc = corpus.documents.find((d) => d.codes.includes(code))!;
      const rows = await queryRows<Record<string, unknown>>(
        db.url,
        `SELECT d.id, d.extracted_at, d.commitment_count,
                (SELECT json_agg(json_build_object('topic', o.topic, 'published', o.published_at))
                   FROM ingestion.outbox o WHERE o.key = d.id::text) AS outbox,
                (SELECT json_agg(json_build_object('item', s.item_id, 'action', i.action))
                   FROM commitments.item_sources s JOIN commitments.tracked_items i ON i.id = s.item_id
                  WHERE s.document_id = d.id) AS sources
         FROM ingestion.documents d WHERE d.title = $1`,
        [doc.title],
      );
      trail.push(`  ${code} (${doc.title}): ${JSON.stringify(rows)}`);
    }

    // What the topics hold: each item's changes in version order within its
    // partition, each alert raised by one event (a resend repeats its id).
    const reader = await TopicReader.open(cluster.brokers, [
      Topics.commitmentChanged,
      Topics.alerts,
    ]);
    const changedTotal = await endOffsets(cluster.brokers, Topics.commitmentChanged);
    const alertsTotal = await endOffsets(cluster.brokers, Topics.alerts);
    await reader.waitFor(() => true, changedTotal + alertsTotal, 60_000);
    const lastVersion = new Map<string, { partition: number; version: number }>();
    const versionsSeen = new Map<string, Set<number>>();
    let outOfOrder = 0;
    let resent = 0;
    let splitAcrossPartitions = 0;
    const raisedIds = new Map<string, Set<string>>();
    for (const m of reader.messages) {
      const e = m.tryJson<{ id: string; type: string; data: Record<string, unknown> }>();
      if (!e) continue;
      if (e.type === COMMITMENT_CHANGED) {
        const id = e.data.itemId as string;
        const version = e.data.version as number;
        const last = lastVersion.get(id);
        const seen = versionsSeen.get(id) ?? new Set<number>();
        versionsSeen.set(id, seen);
        if (last && last.partition !== m.partition) splitAcrossPartitions++;
        // A version seen before is a resend (a send retried whole); a new one below the
        // highest seen would be a change out of order.
        if (seen.has(version)) resent++;
        else if (last && last.partition === m.partition && version < last.version) outOfOrder++;
        seen.add(version);
        if (!last || version >= last.version)
          lastVersion.set(id, { partition: m.partition, version });
      } else if (e.type === ALERT_RAISED) {
        const key = e.data.alertKey as string;
        raisedIds.set(key, (raisedIds.get(key) ?? new Set()).add(e.id));
      }
    }
    await reader.close();
    const alertsRaisedTwice = [...raisedIds.values()].filter((ids) => ids.size > 1).length;

    const rows: [string, number, string | number][] = [
      ['documents stored', DOCUMENTS, `${documents} (${retries} POST retries)`],
      ['commitments tracked', expectedItems, tracked],
      ['items duplicated', 0, duplicatedItems],
      ['items not in the corpus', 0, perCode.get('stray') ?? 0],
      ['due alerts raised', expectedAlerts, alertsRaised],
      ['alerts raised twice (distinct events, one key)', 0, alertsRaisedTwice],
      [
        'emails: distinct alerts (total)',
        expectedAlerts,
        `${mail.got.byAlert.size} (${mail.got.total}; resent ${mail.got.resent})`,
      ],
      [
        'webhooks: distinct alerts (total)',
        expectedAlerts,
        `${hooks.got.byAlert.size} (${hooks.got.total}; resent ${hooks.got.resent})`,
      ],
      ['item events out of version order', 0, `${outOfOrder} (${resent} resent events)`],
      ['item events split across partitions', 0, splitAcrossPartitions],
      ['consumer lag at the end', 0, lag],
    ];
    process.stdout.write(
      [
        '',
        `cluster run: ${DOCUMENTS} documents (${expectedItems} commitments), ${RATE}/s, 3 brokers (RF 3, min ISR 2), 2 instances per service`,
        `driven in ${(drivenMs / 1000).toFixed(1)} s, settled ${(settledMs / 1000).toFixed(1)} s later`,
        ...faults.map((f) => `  ${f}`),
        '',
        `${'check'.padEnd(50)} ${'expected'.padStart(8)}   found`,
        ...rows.map(([w, e, f]) => `  ${w.padEnd(48)} ${String(e).padStart(8)}   ${f}`),
        ...unalerted.map((u) => `  never alerted: ${JSON.stringify(u)}`),
        ...trail,
        '',
      ].join('\n'),
    );

    expect(documents).toBe(DOCUMENTS);
    expect(tracked).toBe(expectedItems);
    expect(duplicatedItems).toBe(0);
    expect(perCode.get('stray') ?? 0).toBe(0);
    expect(alertsRaised).toBe(expectedAlerts);
    expect(alertsRaisedTwice).toBe(0);
    expect(mail.got.byAlert.size).toBe(expectedAlerts);
    expect(hooks.got.byAlert.size).toBe(expectedAlerts);
    expect(outOfOrder).toBe(0);
    expect(splitAcrossPartitions).toBe(0);
    expect(lag).toBe(0);
  }, 900_000);
});

/** How many messages a topic holds in all (its partitions' end offsets; nothing is deleted here). */
async function endOffsets(brokers: string[], topic: string): Promise<number> {
  return withKafkaAdmin(brokers, 'cluster-test', async (admin) =>
    (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0),
  );
}
