import { Kafka, logLevel } from 'kafkajs';
import { DeadLetterHeaders, Topics } from '@ct/contracts';
import { ensureTopics } from '@ct/messaging';
import {
  createTestDatabase,
  queryRows,
  readSse,
  signIn,
  startService,
  TEST_KAFKA_BROKERS,
  TopicReader,
  type ServiceProcess,
  type TestDatabase,
  skipBacklog,
  TEST_KEY_ENV,
} from '@ct/testing';

// The whole pipeline as real processes on the real broker and database:
// ingestion -> documents.received -> extraction -> commitments.extracted ->
// commitments -> commitments.changed -> notifications.
describe('walking skeleton, end to end', () => {
  let db: TestDatabase;
  let reader: TopicReader;
  const services: ServiceProcess[] = [];
  let ingestion: ServiceProcess;
  let adminToken: string;

  beforeAll(async () => {
    await ensureTopics(TEST_KAFKA_BROKERS);
    await skipBacklog(TEST_KAFKA_BROKERS);
    db = await createTestDatabase('e2e');
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
      LOG_LEVEL: 'info',
      ...TEST_KEY_ENV,
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'e2e-admin-password',
    };
    const started = await Promise.all([
      startService('ingestion', 24101, env),
      startService('commitments', 24102, env),
      startService('notifications', 24103, env),
      startService('dashboard', 24100, env),
    ]);
    services.push(...started);
    ingestion = started[0];
    adminToken = await signIn(started[1].url, 'admin@example.org', 'e2e-admin-password');
    reader = await TopicReader.open(TEST_KAFKA_BROKERS, Object.values(Topics));
  });

  afterAll(async () => {
    await reader?.close();
    await Promise.all(services.map((s) => s.stop()));
    await db?.drop();
  });

  const post = (body: unknown) =>
    fetch(`${ingestion.url}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(body),
    });

  it('answers /health on every service with Kafka (and the database where it owns one) up', async () => {
    for (const s of services) {
      const res = await fetch(`${s.url}/health`);
      const body = (await res.json()) as { status: string; info: Record<string, unknown> };
      expect(res.status).toBe(200);
      expect(body.status).toBe('ok');
      expect(Object.keys(body.info)).toEqual(expect.arrayContaining(['kafka', 'database']));
    }
  });

  it('answers /health/live always, and /health/ready once the broker, the database and every consumer are in', async () => {
    for (const s of services) {
      expect((await fetch(`${s.url}/health/live`)).status).toBe(200);
      // Consumers join their groups shortly after start: ready within the time a probe allows.
      const deadline = Date.now() + 30_000;
      let res = await fetch(`${s.url}/health/ready`);
      while (res.status !== 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        res = await fetch(`${s.url}/health/ready`);
      }
      const body = (await res.json()) as {
        info: Record<string, { status: string; joined?: number }>;
      };
      expect(res.status).toBe(200);
      expect(body.info).toMatchObject({
        kafka: { status: 'up' },
        database: { status: 'up' },
        consumers: { status: 'up', joined: expect.any(Number) },
      });
      expect(body.info.consumers.joined).toBeGreaterThan(0);
    }
  });

  it('carries a posted document through all three services', async () => {
    const text =
      'The Heads of State instructed the Secretariat to prepare a roadmap on digital trade. ' +
      'They noted the progress made. The Kyrgyz Republic will host the next Summit in 2026.';
    const res = await post({ title: 'Declaration', text, language: 'en', published: '2025-11-06' });
    expect(res.status).toBe(201);
    const { id, duplicate } = (await res.json()) as { id: string; duplicate: boolean };
    expect(duplicate).toBe(false);

    const [received] = await reader.waitFor(
      (m) => m.topic === Topics.documentReceived && m.key === id,
    );
    expect(received.json()).toMatchObject({
      specversion: '1.0',
      type: 'document.received.v1',
      source: '/ingestion',
      datacontenttype: 'application/json',
      data: { documentId: id, title: 'Declaration', language: 'en', published: '2025-11-06' },
    });

    const extracted = await reader.waitFor(
      (m) => m.topic === Topics.commitmentExtracted && m.key === id,
      2,
    );
    const data = extracted.map(
      (m) =>
        m.json<{ data: { kind: string; evidence: { text: string; start: number; end: number } } }>()
          .data,
    );
    expect(data.map((d) => d.kind).sort()).toEqual(['event', 'mandate']);
    for (const d of data)
      expect(text.slice(d.evidence.start, d.evidence.end)).toBe(d.evidence.text);

    const items = await waitForRows<{ id: string; kind: string; status: string }>(
      db.url,
      `SELECT i.id, i.kind, i.status FROM commitments.tracked_items i
       JOIN commitments.item_sources s ON s.item_id = i.id WHERE s.document_id = $1`,
      [id],
      2,
    );
    expect(items.map((i) => `${i.kind}:${i.status}`).sort()).toEqual([
      'event:scheduled',
      'mandate:open',
    ]);

    const changed = await reader.waitFor(
      (m) => m.topic === Topics.commitmentChanged && items.some((i) => i.id === m.key),
      2,
    );
    for (const m of changed) {
      expect(m.json()).toMatchObject({
        type: 'commitment.changed.v1',
        data: { change: 'created', version: 1 },
      });
    }

    const watched = await waitForRows<{ item_id: string; status: string }>(
      db.url,
      'SELECT item_id, status FROM notifications.watched_deadlines WHERE item_id = ANY($1::uuid[])',
      [items.map((i) => i.id)],
      2,
    );
    expect(watched.map((w) => w.status).sort()).toEqual(['open', 'scheduled']);
  });

  it('exposes Prometheus metrics on every service: events consumed, consumer lag, outbox, extraction time', async () => {
    const metrics = async (name: string) => {
      const res = await fetch(`${services.find((s) => s.name === name)!.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      return res.text();
    };
    /** The value of the sample of `name` carrying all these labels (in any order). */
    const sample = (text: string, name: string, labels: Record<string, string>) => {
      const line = text
        .split('\n')
        .find(
          (l) =>
            l.startsWith(`${name}{`) &&
            Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
        );
      return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
    };
    const ingestion = await metrics('ingestion');
    const extractor = { group: 'ingestion-extractor', topic: 'documents.received.v1' };
    expect(
      sample(ingestion, 'ct_events_consumed_total', { ...extractor, outcome: 'processed' }),
    ).toBeGreaterThan(0);
    expect(
      sample(ingestion, 'ct_extraction_seconds_count', { engine: 'rules@1.0.0' }),
    ).toBeGreaterThan(0);
    expect(
      sample(ingestion, 'ct_outbox_published_total', { topic: 'commitments.extracted.v1' }),
    ).toBeGreaterThan(0);
    expect(
      sample(ingestion, 'ct_consumer_lag', { ...extractor, partition: '0' }),
    ).toBeGreaterThanOrEqual(0);
    expect(ingestion).toMatch(/^ct_process_cpu_seconds_total/m);
    // Per-stage timings: waiting in outbox and Kafka, applying in the database, producing.
    expect(sample(ingestion, 'ct_event_wait_seconds_count', extractor)).toBeGreaterThan(0);
    expect(sample(ingestion, 'ct_batch_apply_seconds_count', extractor)).toBeGreaterThan(0);
    expect(ingestion).toMatch(/^ct_outbox_send_seconds_count\{[^}]*\} [1-9]/m);
    const commitments = await metrics('commitments');
    expect(
      sample(commitments, 'ct_events_consumed_total', {
        group: 'commitments-register',
        topic: 'commitments.extracted.v1',
        outcome: 'processed',
      }),
    ).toBeGreaterThan(0);
    expect(
      sample(commitments, 'ct_consumer_lag', { group: 'commitments-runs', partition: '0' }),
    ).toBeGreaterThanOrEqual(0);
    expect(
      sample(await metrics('notifications'), 'ct_events_consumed_total', {
        group: 'notifications-deadlines',
        outcome: 'processed',
      }),
    ).toBeGreaterThan(0);
    expect(await metrics('dashboard')).toMatch(/^ct_process_cpu_seconds_total/m);
  });

  it('streams the item changes from Kafka to dashboards over server-sent events', async () => {
    const [item] = await queryRows<{ id: string }>(
      db.url,
      'SELECT id FROM commitments.tracked_items LIMIT 1',
    );
    const token = adminToken;
    const dashboard = services.find((s) => s.name === 'dashboard')!;
    const { status, events } = await readSse(
      `${dashboard.url}/api/stream?lastEventId=0&itemId=${item.id}&types=commitment.changed.v1`,
      1,
      { headers: { authorization: `Bearer ${token}` }, timeoutMs: 30_000 },
    );
    expect(status).toBe(200);
    expect(JSON.parse(events[0].data)).toMatchObject({
      type: 'commitment.changed.v1',
      data: { itemId: item.id, change: 'created' },
    });
  });

  it('serves the AsyncAPI document of every topic from the dashboard', async () => {
    const res = await fetch(`${services.find((s) => s.name === 'dashboard')!.url}/asyncapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      asyncapi: string;
      channels: Record<string, { address: string }>;
    };
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.values(doc.channels).map((c) => c.address)).toEqual(
      expect.arrayContaining(Object.values(Topics)),
    );
  });

  it('shows the tracked items through the commitments API after sign-in', async () => {
    const commitments = services.find((s) => s.name === 'commitments')!;
    const login = await fetch(`${commitments.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'e2e-admin-password' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${commitments.url}/items?kind=event`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await res.json()) as { items: { actor: string; deadline: string }[] };
    expect(page.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor: 'Kyrgyzstan', deadline: '2026' })]),
    );
    expect((await fetch(`${commitments.url}/items`)).status).toBe(401);
  });

  it('stores the same text once and answers a repeat with the existing document', async () => {
    const text = 'The Ministers agreed to establish a joint fund for digital connectivity.';
    const first = await post({ text });
    const second = await post({ text: `  ${text.replace(/ /g, '  ')}\n` });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const a = (await first.json()) as { id: string };
    const b = (await second.json()) as { id: string; duplicate: boolean };
    expect(b).toMatchObject({ id: a.id, duplicate: true });
    const rows = await queryRows(db.url, 'SELECT id FROM ingestion.documents WHERE id = $1', [
      a.id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('refuses bad input with a clear 400 and stores nothing', async () => {
    const before = await queryRows<{ n: string }>(
      db.url,
      'SELECT count(*) AS n FROM ingestion.documents',
    );
    for (const body of [
      {},
      { text: '   ' },
      { text: 'ok text', published: 'yesterday' },
      { text: 42 },
    ]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      const err = (await res.json()) as { message: string; errors: { field: string }[] };
      expect(err.errors.length).toBeGreaterThan(0);
      expect(JSON.stringify(err)).not.toMatch(/\bat .+\.js:\d+/);
    }
    const after = await queryRows<{ n: string }>(
      db.url,
      'SELECT count(*) AS n FROM ingestion.documents',
    );
    expect(after).toEqual(before);
  });

  it('dead-letters malformed events on every consumed topic with a reason, and keeps consuming', async () => {
    const kafka = new Kafka({
      clientId: 'poison',
      brokers: TEST_KAFKA_BROKERS,
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    const consumed = [
      Topics.documentReceived,
      Topics.commitmentExtracted,
      Topics.commitmentChanged,
    ];
    const poison = (topic: string) => [
      { key: `poison-json-${topic}`, value: '{"not": json' },
      {
        key: `poison-schema-${topic}`,
        value: JSON.stringify({ specversion: '1.0', type: 'x.v9', data: {} }),
      },
    ];
    for (const topic of consumed) await producer.send({ topic, acks: -1, messages: poison(topic) });
    await producer.disconnect();

    // Wait for each one: commitments.changed has two consumer groups, so their dead
    // letters may arrive in any order and a count alone can be met without one of them.
    const deadLetter = async (key: string) =>
      (await reader.waitFor((m) => m.topic === Topics.deadLetter && m.key === key, 1))[0];
    for (const topic of consumed) {
      const json = await deadLetter(`poison-json-${topic}`);
      const schema = await deadLetter(`poison-schema-${topic}`);
      expect(json?.headers[DeadLetterHeaders.originalTopic]).toBe(topic);
      expect(json?.headers[DeadLetterHeaders.reason]).toMatch(/not valid JSON/);
      expect(json?.value?.toString()).toBe('{"not": json');
      expect(schema?.headers[DeadLetterHeaders.reason]).toMatch(/^invalid /);
      expect(schema?.headers[DeadLetterHeaders.originalOffset]).toMatch(/^\d+$/);
    }

    // The consumers moved past the poison: a new document still flows to the end.
    const res = await post({
      text: 'The Council instructed the Ministries to report on water security.',
    });
    const { id } = (await res.json()) as { id: string };
    await waitForRows(
      db.url,
      `SELECT w.item_id FROM notifications.watched_deadlines w
       JOIN commitments.item_sources s ON s.item_id = w.item_id WHERE s.document_id = $1`,
      [id],
      1,
    );
  });
});

async function waitForRows<T>(
  url: string,
  sql: string,
  params: unknown[],
  count: number,
  timeoutMs = 30_000,
): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await queryRows<T>(url, sql, params);
    if (rows.length >= count) return rows;
    if (Date.now() > deadline)
      throw new Error(`expected ${count} row(s), found ${rows.length}: ${sql}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
