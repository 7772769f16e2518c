import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventOf } from '@ct/contracts';
import { claimEvents, OutboxRelay } from '@ct/messaging';
import { quoteIdent } from '@ct/persistence';
import { SCHEMA } from '../config/commitments.env';
import { TrackedItemEntity } from './entities/tracked-item.entity';
import { ItemChanges } from './item-changes';
import { EXTRACTION } from './register-plan';
import { RegisterStore } from './register.store';

export const RUNS_CONSUMER = 'commitments-runs';

/** The lock that orders a document's registrations and the recording of its runs. */
export const runLockKey = (documentId: string) => `run:${documentId}`;

/**
 * When a document is extracted again by a newer engine, the items only the
 * older engines found in it are retracted: shown with status `retracted`, not
 * deleted, and found again they come back. A run supersedes the older ones
 * once all of its commitments are registered (its `document.extracted` and
 * its `commitment.extracted` events travel on different topics, in either
 * order). Items a coordinator has worked on (corrected by hand, or moved out
 * of their first status) are never retracted, nor are items another
 * document still supports.
 */
@Injectable()
export class RetractionService {
  private readonly logger = new Logger(RetractionService.name);
  private readonly s = quoteIdent(SCHEMA);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ItemChanges,
    private readonly relay: OutboxRelay,
    private readonly store: RegisterStore,
  ) {}

  async onDocumentExtracted(event: EventOf<'document.extracted.v1'>): Promise<void> {
    await this.onDocumentsExtracted([event]);
  }

  /** Record a batch of extraction runs in one transaction and settle those that are complete. */
  async onDocumentsExtracted(events: EventOf<'document.extracted.v1'>[]): Promise<void> {
    const retracted = await this.dataSource.transaction(async (m) => {
      const claimed = await claimEvents(
        m,
        SCHEMA,
        RUNS_CONSUMER,
        events.map((e) => e.id),
      );
      const runs = events.filter((e) => claimed.delete(e.id)).map((e) => e.data);
      if (runs.length === 0) return 0;
      await this.store.lock(
        m,
        runs.map((d) => runLockKey(d.documentId)),
      );
      await m.query(
        `INSERT INTO ${this.s}.document_runs (document_id, engine, commitments, extracted_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[])
         ON CONFLICT DO NOTHING`,
        [
          runs.map((d) => d.documentId),
          runs.map((d) => `${d.engine.name}@${d.engine.version}`),
          runs.map((d) => d.commitments),
          runs.map((d) => d.extractedAt),
        ],
      );
      return this.settle(
        m,
        runs.map((d) => d.documentId),
      );
    });
    if (retracted > 0) this.relay.nudge();
  }

  /**
   * Settle the pending runs of these documents whose commitments are all
   * registered: retract what they no longer find. Called when a run is
   * announced and after each batch of registrations. Returns how many items
   * were retracted.
   */
  async settle(m: EntityManager, documentIds: string[]): Promise<number> {
    if (documentIds.length === 0) return 0;
    const ready: { document_id: string; engine: string; replaces: boolean }[] = await m.query(
      `SELECT r.document_id, r.engine,
         EXISTS (SELECT 1 FROM ${this.s}.item_sources s
                 WHERE s.document_id = r.document_id AND s.engine <> r.engine) AS replaces
       FROM ${this.s}.document_runs r
       WHERE r.document_id = ANY($1::uuid[]) AND r.settled_at IS NULL
         AND r.extracted_at = (SELECT max(extracted_at) FROM ${this.s}.document_runs x WHERE x.document_id = r.document_id)
         AND r.commitments <= (SELECT count(*) FROM ${this.s}.item_sources s
                               WHERE s.document_id = r.document_id AND s.engine = r.engine)
       ORDER BY r.document_id, r.engine
       FOR UPDATE OF r`,
      [[...new Set(documentIds)]],
    );
    if (ready.length === 0) return 0;
    // Only a run over a document that another engine read can leave an item
    // without a current source: every other run is its document's first.
    const replacing = ready.filter((r) => r.replaces);
    const retracted = replacing.length > 0 ? await this.retractStale(m, replacing) : 0;
    await m.query(
      `UPDATE ${this.s}.document_runs r SET settled_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS x(document_id, engine)
       WHERE r.document_id = x.document_id AND r.engine = x.engine`,
      [ready.map((r) => r.document_id), ready.map((r) => r.engine)],
    );
    return retracted;
  }

  /**
   * Retract the items with a source in these runs' documents none of whose
   * sources is current: a source is current when its engine is its
   * document's latest settled run (or the run being settled, for its
   * document), or when its document has no run recorded. One query for all
   * the runs: one per run made settling the slowest step of registration.
   */
  private async retractStale(
    m: EntityManager,
    runs: { document_id: string; engine: string }[],
  ): Promise<number> {
    const stale: { id: string; document_id: string; engine: string }[] = await m.query(
      // Runs are read only for the documents that support these items: reading
      // every document's latest run made each settlement cost as much as the
      // whole register had documents.
      `WITH settling AS (
         SELECT * FROM unnest($1::uuid[], $2::text[]) AS r(document_id, engine)
       ), items AS (
         SELECT DISTINCT ON (i.id) i.id, r.document_id, r.engine
         FROM settling r
         JOIN ${this.s}.item_sources s0 ON s0.document_id = r.document_id
         JOIN ${this.s}.tracked_items i ON i.id = s0.item_id
         WHERE NOT i.action_manual AND NOT i.deadline_manual
           AND i.status = CASE i.kind WHEN 'event' THEN 'scheduled' ELSE 'open' END
         ORDER BY i.id, r.document_id
       ), latest AS (
         SELECT DISTINCT ON (x.document_id) x.document_id, x.engine
         FROM ${this.s}.document_runs x
         LEFT JOIN settling r ON r.document_id = x.document_id AND r.engine = x.engine
         WHERE x.document_id IN (
             SELECT s.document_id FROM ${this.s}.item_sources s WHERE s.item_id IN (SELECT id FROM items))
           AND (x.settled_at IS NOT NULL OR r.document_id IS NOT NULL)
         ORDER BY x.document_id, (r.document_id IS NOT NULL) DESC, x.extracted_at DESC
       )
       SELECT i.id, i.document_id, i.engine FROM items i
       WHERE NOT EXISTS (
           SELECT 1 FROM ${this.s}.item_sources s LEFT JOIN latest l ON l.document_id = s.document_id
           WHERE s.item_id = i.id AND (l.engine IS NULL OR l.engine = s.engine))
       ORDER BY i.id`,
      [runs.map((r) => r.document_id), runs.map((r) => r.engine)],
    );
    for (const { id, document_id: documentId, engine } of stale) {
      const item = await m.findOneOrFail(TrackedItemEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const from = item.status;
      item.status = 'retracted';
      await this.changes.commit(
        m,
        item,
        'status_changed',
        [{ field: 'status', from, to: 'retracted' }],
        {
          by: EXTRACTION,
          note: `not found by ${engine} when document ${documentId} was extracted again`,
          documentId,
        },
      );
    }
    if (stale.length > 0)
      this.logger.log({ runs: runs.length, retracted: stale.length }, 'items retracted');
    return stale.length;
  }
}
