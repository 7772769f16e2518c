import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import { COMMITMENT_EXTRACTED, wrap, type EventOf } from '@ct/contracts';
import { ensureTopics } from '@ct/messaging';
import { createTestDatabase, queryRows, TEST_KAFKA_BROKERS, type TestDatabase } from '@ct/testing';
import { AppModule } from '../src/app.module';
import { loadCommitmentsEnv } from '../src/config/commitments.env';
import { ItemsService } from '../src/items/items.service';

// The register against a real PostgreSQL with the real migrations applied.
describe(ItemsService.name, () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sut: ItemsService;

  beforeAll(async () => {
    await ensureTopics(TEST_KAFKA_BROKERS);
    db = await createTestDatabase('commitments');
    const env = loadCommitmentsEnv();
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.forRoot({
          ...env,
          DATABASE_URL: db.url,
          KAFKA_BROKERS: TEST_KAFKA_BROKERS,
          LOG_LEVEL: 'warn',
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    sut = app.get(ItemsService);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const extracted = (
    index: number,
    deadline: string | null,
  ): EventOf<typeof COMMITMENT_EXTRACTED> =>
    wrap(
      COMMITMENT_EXTRACTED,
      {
        documentId: '0b7e4c1e-52d6-4a39-a3a5-6f2f3c1a9d10',
        index,
        kind: 'mandate' as const,
        actor: 'the Secretariat',
        action: 'prepare a report on green technologies',
        evidence: { text: 'instruct the Secretariat to prepare a report', start: 10, end: 55 },
        deadline,
        deadlineSource: deadline ? ('explicit' as const) : ('none' as const),
        language: 'en',
        confidence: 0.9,
        published: '2025-11-06',
        engine: { name: 'test', version: '1' },
      },
      { source: '/test', id: `test-event-${index}` },
    );

  it('creates one item with its source and announces it in the outbox', async () => {
    await sut.onCommitmentExtracted(extracted(0, '2026-05'));
    const items = await queryRows(db.url, 'SELECT * FROM commitments.tracked_items');
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'mandate',
        status: 'open',
        deadline: '2026-05',
        deadline_precision: 'month',
        version: 1,
      }),
    ]);
    const [due] = await queryRows<{ due: string }>(
      db.url,
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM commitments.tracked_items`,
    );
    expect(due.due).toBe('2026-05-31');
    const outbox = await queryRows<{ topic: string; payload: { data: { itemId: string } } }>(
      db.url,
      'SELECT topic, payload FROM commitments.outbox',
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0].topic).toBe('commitments.changed.v1');
    expect(outbox[0].payload.data.itemId).toBe(items[0].id);
  });

  it('changes nothing when the same event is delivered again', async () => {
    await sut.onCommitmentExtracted(extracted(0, '2026-05'));
    const [{ n }] = await queryRows<{ n: string }>(
      db.url,
      'SELECT count(*) AS n FROM commitments.tracked_items',
    );
    const [{ o }] = await queryRows<{ o: string }>(
      db.url,
      'SELECT count(*) AS o FROM commitments.outbox',
    );
    expect([n, o]).toEqual(['1', '1']);
  });

  it('does not record the same source twice under a new event id', async () => {
    await sut.onCommitmentExtracted({ ...extracted(0, '2026-05'), id: 'replayed-with-new-id' });
    const [{ n }] = await queryRows<{ n: string }>(
      db.url,
      'SELECT count(*) AS n FROM commitments.item_sources',
    );
    expect(n).toBe('1');
  });

  it('publishes the outbox to Kafka and marks rows sent', async () => {
    const deadline = Date.now() + 20_000;
    let pending = '1';
    while (pending !== '0' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      [{ pending }] = await queryRows<{ pending: string }>(
        db.url,
        'SELECT count(*) AS pending FROM commitments.outbox WHERE published_at IS NULL',
      );
    }
    expect(pending).toBe('0');
  });
});
