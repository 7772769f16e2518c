import { Topics } from '@ct/contracts';
import { KafkaProducer, MESSAGING_OPTIONS, OutboxRelay, OutboxRepository } from '@ct/messaging';
import { DataSource } from 'typeorm';
import { queryRows, TEST_KAFKA_BROKERS, TopicReader } from '@ct/testing';
import { RuleBasedExtractor } from '@ct/extraction';
import { RegisterService } from '../src/register/register.service';
import { CANDIDATE_LIMIT } from '../src/tracked-items/tracked-items.repository';
import { extracted, startCommitments, type Harness } from './harness';

const DOC = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const summit = (o: Parameters<typeof extracted>[0]) =>
  extracted({
    kind: 'event',
    actor: 'Kyrgyz Republic',
    action: 'host the 11th OTS Summit in Bishkek',
    deadline: '2024-10-24',
    deadlineSource: 'explicit',
    meeting: { noun: 'summit', ordinal: 11, place: 'Bishkek' },
    ...o,
  });

// The register against a real PostgreSQL with the real migrations applied.
describe(RegisterService.name, () => {
  let h: Harness;
  let sut: RegisterService;
  const items = (where = 'true', params: unknown[] = []) =>
    queryRows<{
      id: string;
      kind: string;
      deadline: string | null;
      source_count: number;
      depends_on: string | null;
      version: number;
    }>(
      h.db.url,
      `SELECT id, kind, deadline, source_count, depends_on, version FROM commitments.tracked_items WHERE ${where} ORDER BY created_at`,
      params,
    );

  beforeAll(async () => {
    h = await startCommitments('register');
    sut = h.app.get(RegisterService);
  });
  afterAll(() => h?.close());

  it('merges one summit announced in four documents and three languages into one item', async () => {
    await sut.onCommitmentExtracted(summit({ documentId: DOC(1), published: '2024-07-06' }));
    await sut.onCommitmentExtracted(
      summit({
        documentId: DOC(2),
        language: 'tr',
        action: "11. Zirve Bişkek'te düzenlenecek",
        published: '2024-07-08',
      }),
    );
    await sut.onCommitmentExtracted(
      summit({
        documentId: DOC(3),
        language: 'ru',
        actor: 'Kyrgyz Republic',
        action: 'саммит пройдёт в Бишкеке',
        meeting: { noun: 'summit', ordinal: null, place: 'Bishkek' },
        deadline: '2024-10',
        published: '2024-07-09',
      }),
    );
    await sut.onCommitmentExtracted(
      summit({
        documentId: DOC(4),
        language: 'de',
        action: 'Gipfel in Bischkek',
        meeting: { noun: 'summit', ordinal: null, place: 'Bishkek' },
        published: '2024-07-10',
      }),
    );
    const events = await items(`kind = 'event'`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ deadline: '2024-10-24', source_count: 4 });
    const sources = await queryRows(
      h.db.url,
      'SELECT language FROM commitments.item_sources WHERE item_id = $1 ORDER BY created_at',
      [events[0].id],
    );
    expect(sources.map((s) => s.language)).toEqual(['en', 'tr', 'ru', 'de']);
  });

  it('keeps a different summit apart', async () => {
    await sut.onCommitmentExtracted(
      summit({
        documentId: DOC(5),
        actor: 'Republic of Azerbaijan',
        action: 'host the 12th Summit in Baku',
        deadline: '2025-10-01',
        meeting: { noun: 'summit', ordinal: 12, place: 'Baku' },
      }),
    );
    expect(await items(`kind = 'event'`)).toHaveLength(2);
  });

  it('links a commitment resolved from the next summit, and moves it when a later source changes the date', async () => {
    await sut.onCommitmentExtracted(
      extracted({
        documentId: DOC(1),
        index: 5,
        action: 'finalize the draft Charter for adoption at the next Summit in Bishkek',
        deadline: '2024-10-24',
        deadlineSource: 'resolved',
        dependsOn: { noun: 'summit', ordinal: null, place: 'Bishkek' },
      }),
    );
    const [bishkek] = await items(`kind = 'event' AND place = 'Bishkek'`);
    const [mandate] = await items(`kind = 'mandate'`);
    expect(mandate.depends_on).toBe(bishkek.id);

    // A news report published later says the summit moved to 6 November.
    await sut.onCommitmentExtracted(
      summit({
        documentId: DOC(6),
        action: 'the 11th Summit in Bishkek postponed to 6 November',
        deadline: '2024-11-06',
        published: '2024-09-01',
      }),
    );
    expect((await items('id = $1', [bishkek.id]))[0]).toMatchObject({
      deadline: '2024-11-06',
      source_count: 5,
    });
    expect((await items('id = $1', [mandate.id]))[0]).toMatchObject({ deadline: '2024-11-06' });

    const history = await queryRows<{
      field: string;
      from_value: string;
      to_value: string;
      document_id: string | null;
      by: string;
    }>(
      h.db.url,
      `SELECT field, from_value, to_value, document_id, by FROM commitments.item_history WHERE item_id = $1 AND field = 'deadline'`,
      [bishkek.id],
    );
    expect(history).toEqual([
      {
        field: 'deadline',
        from_value: '2024-10-24',
        to_value: '2024-11-06',
        document_id: DOC(6),
        by: 'extraction',
      },
    ]);
    const dependentHistory = await queryRows(
      h.db.url,
      `SELECT by, note FROM commitments.item_history WHERE item_id = $1 AND field = 'deadline'`,
      [mandate.id],
    );
    expect(dependentHistory).toEqual([{ by: 'system', note: `follows event ${bishkek.id}` }]);

    // An older report with the first date does not move it back.
    await sut.onCommitmentExtracted(summit({ documentId: DOC(7), published: '2024-07-07' }));
    expect((await items('id = $1', [bishkek.id]))[0]).toMatchObject({
      deadline: '2024-11-06',
      source_count: 6,
    });
  });

  it('merges a paraphrased mandate from another document, and not a different one', async () => {
    await sut.onCommitmentExtracted(extracted({ documentId: DOC(8) }));
    await sut.onCommitmentExtracted(
      extracted({ documentId: DOC(11), action: 'to prepare the report on the transport corridor' }),
    );
    await sut.onCommitmentExtracted(
      extracted({ documentId: DOC(11), index: 1, action: 'organise a youth festival' }),
    );
    const mandates = await items(`kind = 'mandate' AND depends_on IS NULL`);
    expect(mandates.map((m) => m.source_count)).toEqual([2, 1]);
  });

  it('changes nothing when an event is redelivered, or replayed under a new id', async () => {
    const event = extracted({
      documentId: DOC(9),
      action: 'set up a disaster response centre',
      actor: 'ministers of emergency situations',
    });
    await sut.onCommitmentExtracted(event);
    const before = await queryRows(
      h.db.url,
      'SELECT (SELECT count(*) FROM commitments.tracked_items) AS items, (SELECT count(*) FROM commitments.outbox) AS outbox, (SELECT count(*) FROM commitments.item_history) AS history',
    );
    await sut.onCommitmentExtracted(event);
    await sut.onCommitmentExtracted({ ...event, id: 'same-source-new-id' });
    const after = await queryRows(
      h.db.url,
      'SELECT (SELECT count(*) FROM commitments.tracked_items) AS items, (SELECT count(*) FROM commitments.outbox) AS outbox, (SELECT count(*) FROM commitments.item_history) AS history',
    );
    expect(after).toEqual(before);
  });

  it('registers a batch exactly as it would register its events one at a time', async () => {
    // A stream with repeats, paraphrases, refinements and conflicting dates,
    // registered twice under two actor prefixes: in batches, and one by one.
    const topics = [
      'transport corridors',
      'a youth festival',
      'the customs union',
      'water security',
    ];
    const deadlines = [null, '2025', '2025-06', '2025-06-15', '2025-07-01', '2026-02'];
    let x = 7;
    const next = (k: number) => (x = (x * 1103515245 + 12345) % 2 ** 31) % k;
    const stream = Array.from({ length: 240 }, (_, i) => {
      const topic = topics[next(topics.length)];
      const action = next(2) ? `prepare a report on ${topic}` : `to prepare the report on ${topic}`;
      const deadline = deadlines[next(deadlines.length)];
      const published = `2024-0${1 + next(9)}-1${next(10)}`;
      return (prefix: string) =>
        extracted({
          documentId: DOC((prefix === 'Batch' ? 1000 : 1500) + Math.floor(i / 3)),
          index: i % 3,
          kind: i % 5 === 0 ? 'pledge' : 'mandate',
          actor: `${prefix} ministers ${i % 4}`,
          action,
          deadline,
          deadlineSource: 'explicit',
          published,
        });
    });
    const batched = stream.map((make) => make('Batch'));
    for (let i = 0; i < batched.length; i += 40) {
      // Each batch also carries a redelivery and a replay under a new id.
      const chunk = batched.slice(i, i + 40);
      await sut.applyMany([...chunk, chunk[0], { ...chunk[1], id: `${chunk[1].id}-replay` }]);
    }
    for (const make of stream) await sut.onCommitmentExtracted(make('Single'));

    const register = async (prefix: string) =>
      queryRows(
        h.db.url,
        `SELECT substr(i.actor, length($1) + 2) AS actor, i.kind, i.action, i.deadline, i.deadline_source,
                i.source_count, i.version, i.latest_published::text AS latest,
                (SELECT count(*) FROM commitments.item_history x WHERE x.item_id = i.id) AS history,
                (SELECT count(*) FROM commitments.outbox o WHERE o.key = i.id::text) AS events
         FROM commitments.tracked_items i WHERE i.actor LIKE $1 || '%'
         ORDER BY 1, 2, 3, 4, 6`,
        [prefix],
      );
    const inBatches = await register('Batch');
    expect(inBatches.length).toBeGreaterThan(8);
    expect(inBatches.length).toBeLessThan(60);
    expect(inBatches).toEqual(await register('Single'));
  });

  it('registers concurrent batches for the same actors without deadlock or loss', async () => {
    const SUBJECTS = [
      'railway tariffs',
      'fishery quotas',
      'satellite launches',
      'vaccine stocks',
      'archive exchanges',
      'pipeline safety',
      'border crossings',
    ];
    const batch = (from: number) =>
      Array.from({ length: 60 }, (_, i) =>
        extracted({
          documentId: DOC(2000 + from + i),
          actor: `Concurrent ministers ${i % 3}`,
          action: `draft an agreement on ${SUBJECTS[i % SUBJECTS.length]}`,
        }),
      );
    await Promise.all([
      sut.applyMany(batch(0)),
      sut.applyMany(batch(100)),
      sut.applyMany(batch(200)),
    ]);
    const [row] = await queryRows<{ items: string; sources: string }>(
      h.db.url,
      `SELECT count(DISTINCT i.id) AS items, count(*) AS sources
       FROM commitments.tracked_items i JOIN commitments.item_sources s ON s.item_id = i.id
       WHERE i.actor LIKE 'Concurrent %'`,
    );
    expect(row).toEqual({ items: '21', sources: '180' });
  });

  it("lets one replica relay at a time, so that an item's events keep their order on Kafka", async () => {
    const mine = h.app.get(OutboxRelay);
    await mine.onApplicationShutdown(); // driven by hand here
    while ((await mine.relayBatch()) > 0); // what earlier tests left unsent goes out first
    const producer = h.app.get(KafkaProducer);
    const other = new OutboxRelay(
      new OutboxRepository(h.app.get(DataSource), h.app.get(MESSAGING_OPTIONS)),
      producer,
    );
    // More events than one relay batch (500), so that a second relay would find rows of its own.
    await sut.applyMany(
      Array.from({ length: 600 }, (_, n) =>
        extracted({
          documentId: DOC(20),
          index: n,
          actor: `youth council ${n}`,
          action: 'hold a youth forum',
        }),
      ),
    );
    const real = producer.sendBatch.bind(producer);
    let entered!: () => void;
    const sending = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = jest.spyOn(producer, 'sendBatch').mockImplementationOnce(async (batch) => {
      entered();
      await gate;
      return real(batch);
    });
    const first = mine.relayBatch();
    await sending; // the first replica holds a batch and is sending it
    expect(await other.relayBatch()).toBe(0); // the second does not overtake it
    release();
    expect(await first).toBe(500);
    slow.mockRestore();
    expect(await other.relayBatch()).toBe(100); // the rest, after the first
    expect(await other.relayBatch()).toBe(0);
  });

  it('loses nothing when the relay dies between sending a batch and marking it sent', async () => {
    const relay = h.app.get(OutboxRelay);
    await relay.onApplicationShutdown(); // stop the background loop; this test drives the relay by hand
    await sut.onCommitmentExtracted(
      extracted({
        documentId: DOC(10),
        actor: 'ministers of culture',
        action: 'open a Turkic film archive',
      }),
    );
    const pending = await queryRows<{ event_id: string }>(
      h.db.url,
      'SELECT event_id FROM commitments.outbox WHERE published_at IS NULL',
    );
    expect(pending.length).toBeGreaterThan(0);

    const reader = await TopicReader.open(TEST_KAFKA_BROKERS, [Topics.commitmentChanged]);
    try {
      const producer = h.app.get(KafkaProducer);
      const real = producer.sendBatch.bind(producer);
      const crash = jest.spyOn(producer, 'sendBatch').mockImplementationOnce(async (batch) => {
        await real(batch);
        throw new Error('relay killed after send, before marking');
      });
      await expect(relay.relayBatch()).rejects.toThrow('relay killed');
      crash.mockRestore();
      expect(
        await queryRows(h.db.url, 'SELECT 1 FROM commitments.outbox WHERE published_at IS NULL'),
      ).toHaveLength(pending.length);

      await relay.relayBatch();
      expect(
        await queryRows(h.db.url, 'SELECT 1 FROM commitments.outbox WHERE published_at IS NULL'),
      ).toHaveLength(0);
      const ids = pending.map((p) => p.event_id);
      const seen = await reader.waitFor(
        (m) => ids.includes(m.tryJson<{ id: string }>()?.id ?? ''),
        2 * ids.length,
      );
      // Each event arrived twice with the same id: consumers recognise the duplicate.
      for (const id of ids)
        expect(seen.filter((m) => m.json<{ id: string }>().id === id)).toHaveLength(2);
    } finally {
      await reader.close();
    }
  });

  it('finds the item of a commitment quoted again after its actor got hundreds of newer items', async () => {
    const actor = 'the Standing Committee';
    await sut.applyMany([
      extracted({
        documentId: DOC(300),
        actor,
        action: 'prepare the annual review of customs procedures',
        deadline: '2027-03-15',
        deadlineSource: 'explicit',
      }),
    ]);
    // More newer items of the same actor than the recency window holds.
    await sut.applyMany(
      Array.from({ length: CANDIDATE_LIMIT + 50 }, (_, n) =>
        extracted({
          documentId: DOC(301),
          index: n,
          actor,
          action: `launch pilot project number ${n} on ${['rail', 'water', 'energy'][n % 3]} links`,
          // 40 days apart: too far to match each other, so each is an item of its own.
          deadline: new Date(Date.UTC(2030, 0, 1) + n * 40 * 86_400_000).toISOString().slice(0, 10),
          deadlineSource: 'explicit',
        }),
      ),
    );
    await sut.applyMany([
      extracted({
        documentId: DOC(302),
        actor,
        action: 'prepare the annual review of customs procedures',
        deadline: '2027-03-15',
        deadlineSource: 'explicit',
      }),
    ]);
    const reviews = await items(
      `actor_key = 'standing committee' AND action LIKE '%annual review%'`,
    );
    expect(reviews).toHaveLength(1);
    expect(reviews[0].source_count).toBe(2);
  });

  it('keeps one item for one summit whose host one report names as a state and another only by its city', async () => {
    // Read by the engine itself, as ingestion would send them.
    const read = (text: string, published: string, documentId: string) =>
      new RuleBasedExtractor()
        .extract({ text, published })
        .commitments.filter((c) => c.kind === 'event')
        .map((c, index) =>
          extracted({
            documentId,
            index,
            kind: c.kind,
            actor: c.actor,
            actorKeys: c.actorKeys,
            action: c.action,
            evidence: c.evidence,
            deadline: c.deadline,
            deadlineSource: c.deadlineSource,
            published,
            meeting: c.meeting,
          }),
        );
    const first = read(
      'The Republic of Azerbaijan will host the 9th Caspian Transport Forum in Gabala on May 12, 2031.',
      '2030-11-02',
      DOC(71),
    );
    const later = read(
      'The 9th Caspian Transport Forum will be held in Gabala on May 11-12, 2031.',
      '2031-01-15',
      DOC(72),
    );
    expect([...first, ...later].map((e) => e.data.actorKeys)).toEqual([['AZ'], ['AZ']]);
    for (const e of [...first, ...later]) await sut.onCommitmentExtracted(e);
    const forum = await items(`kind = 'event' AND deadline LIKE '2031%'`);
    expect(forum).toHaveLength(1);
    expect(forum[0]).toMatchObject({ deadline: '2031-05-11', source_count: 2 });
  });

  it('pools a pledge by the canonical actor however the states are spelt or ordered', async () => {
    const pledge = (actor: string, keys: string[], documentId: string) =>
      extracted({
        documentId,
        kind: 'pledge',
        actor,
        actorKeys: keys,
        action: 'set up a joint fund for mountain tourism',
        evidence: { text: 'agreed to set up a joint fund for mountain tourism', start: 0, end: 50 },
      });
    await sut.onCommitmentExtracted(pledge('Kazakhstan and Kyrgyzstan', ['KZ', 'KG'], DOC(73)));
    await sut.onCommitmentExtracted(
      pledge('the Kyrgyz Republic and Kazakhstan', ['KG', 'KZ'], DOC(74)),
    );
    const rows = await queryRows<{ actor_key: string; source_count: number }>(
      h.db.url,
      `SELECT actor_key, source_count FROM commitments.tracked_items WHERE action LIKE '%mountain tourism%'`,
    );
    expect(rows).toEqual([{ actor_key: '@KG+KZ', source_count: 2 }]);
  });
});
