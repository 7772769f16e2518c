import { ensureTopics } from '@ct/messaging';
import {
  queryRows,
  startSystem,
  type RunningSystem,
  type TestDatabase,
  TEST_KAFKA_BROKERS,
} from '@ct/testing';

// Four reports of one summit, written for this test, in four languages and in
// publication order: the host named as a state in the first and only by its
// city in the others, the date sharpening from a year to a month to a day and
// then moving by one day.
const REPORTS = [
  {
    language: 'en',
    published: '2026-02-10',
    text:
      'Joint statement of the Ministers. The Republic of Uzbekistan will host the 7th Summit of the Organization of Turkic States in Samarkand in 2027. ' +
      'The Ministers instructed the Secretariat to prepare the draft charter for adoption at the next Summit in Samarkand.',
  },
  {
    language: 'tr',
    published: '2026-04-05',
    text: "Türk Devletleri Teşkilatı 7. Zirvesi Ekim 2027'de Semerkant'ta düzenlenecek.",
  },
  {
    language: 'ru',
    published: '2026-06-01',
    text: '7-й саммит Организации тюркских государств пройдёт в Самарканде 14 октября 2027 года.',
  },
  {
    language: 'de',
    published: '2026-09-02',
    text: 'Der 7. Gipfel der Organisation der Turkstaaten findet am 15. Oktober 2027 in Samarkand statt.',
  },
];

/** One summit reported four times through the running system: one item, four sources, the latest date, its mandate moved. */
describe('one item per real meeting across reports and languages', () => {
  let system: RunningSystem;
  let db: TestDatabase;

  beforeAll(async () => {
    system = await startSystem('e2e_cross', { ingestion: 24131, commitments: 24132 }, () =>
      ensureTopics(TEST_KAFKA_BROKERS),
    );
    db = system.db;
  });

  afterAll(() => system?.stop());

  const sources = async () =>
    (
      await queryRows<{ n: number }>(
        db.url,
        'SELECT count(*)::int AS n FROM commitments.item_sources',
      )
    )[0].n;

  async function until(ok: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 60_000;
    while (!(await ok())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('keeps the summit as one item with four sources, the latest date, and moves the mandate that follows it', async () => {
    let expected = 0;
    for (const [i, r] of REPORTS.entries()) {
      const res = await fetch(`${system.services.ingestion.url}/documents`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${system.adminToken}`,
        },
        body: JSON.stringify({ title: `Report ${i + 1}`, ...r }),
      });
      expect(res.status).toBe(201);
      // The first report holds the summit and the mandate, each later one the summit.
      expected += i === 0 ? 2 : 1;
      await until(async () => (await sources()) >= expected, `report ${i + 1} to be registered`);
    }
    const events = await queryRows<{
      id: string;
      deadline: string;
      source_count: number;
      actor_key: string;
    }>(
      db.url,
      `SELECT id, deadline, source_count, actor_key FROM commitments.tracked_items WHERE kind = 'event'`,
    );
    expect(events).toEqual([
      { id: expect.any(String), deadline: '2027-10-15', source_count: 4, actor_key: '@UZ' },
    ]);
    const mandates = await queryRows<{
      deadline: string;
      depends_on: string;
      deadline_source: string;
    }>(
      db.url,
      `SELECT deadline, depends_on, deadline_source FROM commitments.tracked_items WHERE kind = 'mandate'`,
    );
    expect(mandates).toEqual([
      { deadline: '2027-10-15', depends_on: events[0].id, deadline_source: 'resolved' },
    ]);
    // Each move of the date is in the item's history, naming the report that made it.
    const moves = await queryRows<{ to_value: string; document_id: string | null }>(
      db.url,
      `SELECT to_value, document_id FROM commitments.item_history
       WHERE item_id = $1 AND field = 'deadline' ORDER BY id`,
      [events[0].id],
    );
    expect(moves.map((m) => m.to_value)).toEqual(
      expect.arrayContaining(['2027-10-14', '2027-10-15']),
    );
    expect(moves.every((m) => m.document_id !== null)).toBe(true);
  });
});
