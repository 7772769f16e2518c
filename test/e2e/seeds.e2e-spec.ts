import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ensureTopics } from '@ct/messaging';
import {
  queryRows,
  REPO_ROOT,
  startSystem,
  TEST_KAFKA_BROKERS,
  type RunningSystem,
  type TestDatabase,
} from '@ct/testing';

const run = promisify(execFile);

interface GoldItem {
  kind: string;
  evidence: string;
  deadline: string | null;
  optional?: boolean;
}
interface GoldDocument {
  id: string;
  file: string;
  items: GoldItem[];
}

/** The seeds gold lives beside the project (../shared/eval), never in it. */
function seedsGold(): GoldDocument[] {
  const candidates = [
    process.env.EVAL_DIR,
    resolve(REPO_ROOT, '../shared/eval'),
    '/work/shared/eval',
  ].filter((d): d is string => !!d);
  const dir = candidates.find((d) => existsSync(join(d, 'seeds.gold.json')));
  if (!dir) throw new Error(`seeds.gold.json not found in ${candidates.join(', ')} (set EVAL_DIR)`);
  return (
    JSON.parse(readFileSync(join(dir, 'seeds.gold.json'), 'utf8')) as { documents: GoldDocument[] }
  ).documents;
}

/**
 * What `npm start` shows: the system on an empty database, seeds/ ingested
 * the way start.sh ingests it (the CLI, publication dates from the texts),
 * and the register holding every required item of the seeds gold with its
 * deadline, and few others.
 */
describe('npm start over seeds/', () => {
  let system: RunningSystem;
  let db: TestDatabase;
  const gold = seedsGold();
  const seedFiles = readdirSync(join(REPO_ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));

  beforeAll(async () => {
    system = await startSystem('e2e_seeds', { ingestion: 24121, commitments: 24122 }, () =>
      ensureTopics(TEST_KAFKA_BROKERS),
    );
    db = system.db;
    await run(
      process.execPath,
      [
        join(REPO_ROOT, 'bin/commitments.js'),
        'ingest',
        join(REPO_ROOT, 'seeds'),
        '--url',
        system.services.ingestion.url,
        '--no-progress',
      ],
      { env: { ...process.env, CT_TOKEN: system.adminToken! } },
    );
  });

  afterAll(() => system?.stop());

  /** The register once every seed is read and the item count has stopped moving. */
  async function settledRegister() {
    const deadline = Date.now() + 90_000;
    let last = -1;
    let steady = 0;
    for (;;) {
      const [{ pending }] = await queryRows<{ pending: number }>(
        db.url,
        'SELECT count(*)::int AS pending FROM ingestion.documents WHERE extracted_at IS NULL',
      );
      const [{ n }] = await queryRows<{ n: number }>(
        db.url,
        'SELECT count(*)::int AS n FROM commitments.item_sources',
      );
      steady = pending === 0 && n === last ? steady + 1 : 0;
      last = n;
      if (steady >= 4) break;
      if (Date.now() > deadline)
        throw new Error(`register did not settle: ${pending} unread, ${n} sources`);
      await new Promise((r) => setTimeout(r, 500));
    }
    return queryRows<{
      kind: string;
      deadline: string | null;
      file_name: string;
      evidence_start: number;
      evidence_end: number;
    }>(
      db.url,
      `SELECT i.kind, i.deadline, d.file_name, s.evidence_start, s.evidence_end
       FROM commitments.tracked_items i
       JOIN commitments.item_sources s ON s.item_id = i.id
       JOIN ingestion.documents d ON d.id = s.document_id`,
    );
  }

  it('holds every required seed item with its deadline, and few others', async () => {
    const rows = await settledRegister();
    expect(new Set(rows.map((r) => r.file_name)).size).toBeGreaterThan(0);
    const found: string[] = [];
    const wanted: string[] = [];
    let allowed = 0;
    for (const doc of gold) {
      const file = seedFiles.find((f) => f === doc.file);
      expect(file).toBeDefined();
      const text = readFileSync(join(REPO_ROOT, 'seeds', file!), 'utf8');
      allowed += doc.items.length;
      for (const g of doc.items.filter((i) => !i.optional)) {
        const at = text.indexOf(g.evidence);
        const end = at + g.evidence.length;
        const hit = rows.find(
          (r) =>
            r.file_name === file &&
            r.kind === g.kind &&
            r.evidence_start < end &&
            r.evidence_end > at,
        );
        wanted.push(`${g.kind} ${g.deadline ?? '-'} ${g.evidence.slice(0, 40)}`);
        found.push(
          `${hit?.kind ?? 'MISSING'} ${hit ? (hit.deadline ?? '-') : '?'} ${g.evidence.slice(0, 40)}`,
        );
      }
    }
    expect(found).toEqual(wanted);
    // "Few others": no more items than the gold's required and optional ones together.
    const items = await queryRows<{ n: number }>(
      db.url,
      'SELECT count(*)::int AS n FROM commitments.tracked_items',
    );
    expect(items[0].n).toBeLessThanOrEqual(allowed);
  });

  it("reads seed 001's publication date from the text (2024-07-06), not today's year", async () => {
    const rows = await queryRows<{ published: string | null }>(
      db.url,
      `SELECT published::text AS published FROM ingestion.documents WHERE file_name = '001_cbb9a219153587d7.txt'`,
    );
    expect(rows).toEqual([{ published: '2024-07-06' }]);
  });
});
