import { DOCUMENT_EXTRACTED, wrap } from '@ct/contracts';
import { queryRows, waitForLockWait } from '@ct/testing';
import { RegisterService } from '../src/register/register.service';
import { DataSource } from 'typeorm';
import { advisoryLocks } from '@ct/persistence';
import { RetractionService, runLockKey } from '../src/register/retraction.service';
import { extracted, startCommitments, type Harness } from './harness';

const DOC = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const V1 = { name: 'rules', version: '1.0.0' };
const V2 = { name: 'rules', version: '2.0.0' };

// Reprocessing against the real database: what a newer engine no longer finds is retracted.
describe(RetractionService.name, () => {
  let h: Harness;
  let register: RegisterService;
  let retraction: RetractionService;
  let seq = 0;

  const run = (documentId: string, engine: typeof V1, commitments: number, id = `run-${++seq}`) =>
    wrap(
      DOCUMENT_EXTRACTED,
      {
        documentId,
        engine,
        language: 'en',
        commitments,
        byKind: { mandate: commitments, pledge: 0, event: 0 },
        extractedAt: new Date(Date.now() + seq * 1000).toISOString(),
      },
      { source: '/test', id },
    );
  const found = (
    documentId: string,
    engine: typeof V1,
    index: number,
    actor: string,
    action: string,
  ) => extracted({ documentId, engine, index, actor, action });
  const status = async (actor: string) =>
    (
      await queryRows<{ status: string; source_count: number }>(
        h.db.url,
        'SELECT status, source_count FROM commitments.tracked_items WHERE actor = $1',
        [actor],
      )
    ).map((r) => `${r.status}/${r.source_count}`);

  beforeAll(async () => {
    h = await startCommitments('retraction');
    register = h.app.get(RegisterService);
    retraction = h.app.get(RetractionService);
  });
  afterAll(() => h?.close());

  it('retracts what a newer engine no longer finds, in either order of events, and reinstates it when found again', async () => {
    const d = DOC(1);
    await register.applyMany([
      found(d, V1, 0, 'Ministers of Culture', 'open a film archive'),
      found(d, V1, 1, 'Ministers of Sport', 'organise youth games'),
    ]);
    await retraction.onDocumentExtracted(run(d, V1, 2));
    expect(await status('Ministers of Sport')).toEqual(['open/1']);

    // v2 announces its run before its one commitment is registered: nothing happens yet.
    await retraction.onDocumentExtracted(run(d, V2, 1));
    expect(await status('Ministers of Sport')).toEqual(['open/1']);
    await register.applyMany([found(d, V2, 0, 'Ministers of Culture', 'open a film archive')]);
    expect(await status('Ministers of Culture')).toEqual(['open/2']);
    expect(await status('Ministers of Sport')).toEqual(['retracted/1']);
    const [history] = await queryRows<{
      field: string;
      to_value: string;
      note: string;
      by: string;
    }>(
      h.db.url,
      `SELECT x.field, x.to_value, x.note, x.by FROM commitments.item_history x
       JOIN commitments.tracked_items i ON i.id = x.item_id
       WHERE i.actor = 'Ministers of Sport' AND x.field = 'status'`,
    );
    expect(history).toEqual({
      field: 'status',
      to_value: 'retracted',
      by: 'extraction',
      note: expect.stringMatching(/not found by rules@2\.0\.0/),
    });

    // A redelivered run changes nothing; a third engine that finds it again reinstates it.
    await retraction.onDocumentExtracted({ ...run(d, V2, 1, 'run-redelivered') });
    await register.applyMany([
      found(
        d,
        { name: 'rules', version: '3.0.0' },
        0,
        'Ministers of Sport',
        'organise the youth games',
      ),
    ]);
    expect(await status('Ministers of Sport')).toEqual(['open/2']);
  });

  it('never retracts an item a coordinator worked on, or one another document still supports', async () => {
    const d = DOC(2);
    const other = DOC(3);
    await register.applyMany([
      found(d, V1, 0, 'Ministers of Health', 'build a vaccine stockpile'),
      found(d, V1, 1, 'Ministers of Water', 'draft a river basin plan'),
      found(d, V1, 2, 'Ministers of Roads', 'survey the mountain passes'),
      found(other, V1, 0, 'Ministers of Roads', 'survey the mountain passes'),
    ]);
    await queryRows(
      h.db.url,
      `UPDATE commitments.tracked_items SET deadline_manual = true WHERE actor = 'Ministers of Health'`,
    );
    await queryRows(
      h.db.url,
      `UPDATE commitments.tracked_items SET status = 'in_progress' WHERE actor = 'Ministers of Water'`,
    );
    await retraction.onDocumentExtracted(run(d, V1, 3));
    await retraction.onDocumentExtracted(run(d, V2, 0)); // the new engine finds nothing at all
    expect(await status('Ministers of Health')).toEqual(['open/1']);
    expect(await status('Ministers of Water')).toEqual(['in_progress/1']);
    expect(await status('Ministers of Roads')).toEqual(['open/2']);
  });

  it('records and settles a batch of runs of several documents in one go', async () => {
    const [a, b] = [DOC(4), DOC(5)];
    await register.applyMany([
      found(a, V1, 0, 'Ministers of Energy', 'connect the grids'),
      found(a, V1, 1, 'Ministers of Mining', 'map the deposits'),
      found(b, V1, 0, 'Ministers of Fishing', 'set catch quotas'),
      found(b, V1, 1, 'Ministers of Forests', 'plant a green belt'),
    ]);
    await register.applyMany([
      found(a, V2, 0, 'Ministers of Energy', 'connect the grids'),
      found(b, V2, 0, 'Ministers of Forests', 'plant a green belt'),
    ]);
    const [v1a, v1b] = [run(a, V1, 2), run(b, V1, 2)];
    const [v2a, v2b] = [run(a, V2, 1), run(b, V2, 1)]; // later runs
    // Both engines' runs in one batch, one of them redelivered within it.
    await retraction.onDocumentsExtracted([v1a, v1b, v2a, v2b, v2a]);
    expect(await status('Ministers of Energy')).toEqual(['open/2']);
    expect(await status('Ministers of Mining')).toEqual(['retracted/1']);
    expect(await status('Ministers of Fishing')).toEqual(['retracted/1']);
    expect(await status('Ministers of Forests')).toEqual(['open/2']);
    const runs = await queryRows<{ document_id: string; settled: boolean }>(
      h.db.url,
      `SELECT document_id, settled_at IS NOT NULL AS settled FROM commitments.document_runs
       WHERE document_id = ANY($1::uuid[]) ORDER BY document_id, engine`,
      [[a, b]],
    );
    // Each document's latest run settles; the run it superseded in the same batch need not.
    expect(runs).toEqual([
      { document_id: a, settled: false },
      { document_id: a, settled: true },
      { document_id: b, settled: false },
      { document_id: b, settled: true },
    ]);
  });

  it('settles a run recorded while its commitments are being registered', async () => {
    const d = DOC(6);
    await register.applyMany([
      found(d, V1, 0, 'Ministers of Tourism', 'open a joint visa office'),
      found(d, V1, 1, 'Ministers of Trade', 'remove the tariff on grain'),
    ]);
    await retraction.onDocumentExtracted(run(d, V1, 2));
    // V2's run being recorded (what onDocumentsExtracted does, held open
    // here): its settle saw no V2 commitment yet, so it settled nothing.
    const recording = h.app.get(DataSource).createQueryRunner();
    await recording.connect();
    await recording.startTransaction();
    let registering: Promise<void> | undefined;
    try {
      await advisoryLocks(recording.manager, [runLockKey(d)]);
      const v2 = run(d, V2, 1).data;
      await recording.query(
        `INSERT INTO commitments.document_runs (document_id, engine, commitments, extracted_at)
         VALUES ($1, 'rules@2.0.0', 1, $2)`,
        [d, v2.extractedAt],
      );
      expect(await retraction.settle(recording.manager, [d])).toBe(0);
      let registered = false;
      registering = register
        .applyMany([found(d, V2, 0, 'Ministers of Tourism', 'open a joint visa office')])
        .then(() => {
          registered = true;
        });
      // It waits on the document's run lock: had it gone ahead, it would not
      // have seen the uncommitted run, and nobody would settle it.
      await waitForLockWait(h.db.url, 'advisory');
      expect(registered).toBe(false);
      await recording.commitTransaction();
    } finally {
      if (recording.isTransactionActive) await recording.rollbackTransaction();
      await recording.release();
    }
    await registering;
    expect(await status('Ministers of Trade')).toEqual(['retracted/1']);
    expect(await status('Ministers of Tourism')).toEqual(['open/2']);
  });
});
