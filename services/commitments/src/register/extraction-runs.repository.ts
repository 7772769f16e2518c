import { Injectable } from '@nestjs/common';
import { quoteIdent, tableOf, type Transaction } from '@ct/persistence';
import { SCHEMA } from '../config/commitments.env';
import { ItemSourceEntity } from '../tracked-items/entities/item-source.entity';
import { TrackedItemEntity } from '../tracked-items/entities/tracked-item.entity';

export interface ExtractionRun {
  documentId: string;
  /** `name@version` of the engine, as sources record it. */
  engine: string;
  commitments: number;
  extractedAt: string;
}

/**
 * The extraction runs of documents (`document_runs`): which engine read a
 * document when, how many commitments it found, and whether the run is
 * settled. Its queries read the items' sources to tell which runs are
 * complete and which items no current run supports; it writes only runs.
 */
@Injectable()
export class ExtractionRunsRepository {
  private readonly runs = `${quoteIdent(SCHEMA)}.document_runs`;

  async record(tx: Transaction, runs: ExtractionRun[]): Promise<void> {
    if (runs.length === 0) return;
    await tx.query(
      `INSERT INTO ${this.runs} (document_id, engine, commitments, extracted_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[])
       ON CONFLICT DO NOTHING`,
      [
        runs.map((r) => r.documentId),
        runs.map((r) => r.engine),
        runs.map((r) => r.commitments),
        runs.map((r) => r.extractedAt),
      ],
    );
  }

  /**
   * The pending runs of these documents whose commitments are all registered
   * (the latest run of each document only), locked; `replaces` says whether
   * another engine read the document before.
   */
  async complete(
    tx: Transaction,
    documentIds: string[],
  ): Promise<{ documentId: string; engine: string; replaces: boolean }[]> {
    if (documentIds.length === 0) return [];
    const sources = tableOf(tx, ItemSourceEntity);
    return tx.query(
      `SELECT r.document_id AS "documentId", r.engine,
         EXISTS (SELECT 1 FROM ${sources} s
                 WHERE s.document_id = r.document_id AND s.engine <> r.engine) AS replaces
       FROM ${this.runs} r
       WHERE r.document_id = ANY($1::uuid[]) AND r.settled_at IS NULL
         AND r.extracted_at = (SELECT max(extracted_at) FROM ${this.runs} x WHERE x.document_id = r.document_id)
         AND r.commitments <= (SELECT count(*) FROM ${sources} s
                               WHERE s.document_id = r.document_id AND s.engine = r.engine)
       ORDER BY r.document_id, r.engine
       FOR UPDATE OF r`,
      [[...new Set(documentIds)]],
    );
  }

  async markSettled(
    tx: Transaction,
    runs: { documentId: string; engine: string }[],
  ): Promise<void> {
    if (runs.length === 0) return;
    await tx.query(
      `UPDATE ${this.runs} r SET settled_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS x(document_id, engine)
       WHERE r.document_id = x.document_id AND r.engine = x.engine`,
      [runs.map((r) => r.documentId), runs.map((r) => r.engine)],
    );
  }

  /**
   * The untouched items with a source in these runs' documents none of whose
   * sources is current: a source is current when its engine is its
   * document's latest settled run (or the run being settled, for its
   * document), or when its document has no run recorded. One query for all
   * the runs: one per run made settling the slowest step of registration.
   * "Untouched": not corrected by hand and still in its first status.
   */
  async unsupportedItems(
    tx: Transaction,
    runs: { documentId: string; engine: string }[],
  ): Promise<{ id: string; documentId: string; engine: string }[]> {
    const sources = tableOf(tx, ItemSourceEntity);
    return tx.query(
      // Runs are read only for the documents that support these items: reading
      // every document's latest run made each settlement cost as much as the
      // whole register had documents.
      `WITH settling AS (
         SELECT * FROM unnest($1::uuid[], $2::text[]) AS r(document_id, engine)
       ), items AS (
         SELECT DISTINCT ON (i.id) i.id, r.document_id, r.engine
         FROM settling r
         JOIN ${sources} s0 ON s0.document_id = r.document_id
         JOIN ${tableOf(tx, TrackedItemEntity)} i ON i.id = s0.item_id
         WHERE NOT i.action_manual AND NOT i.deadline_manual
           AND i.status = CASE i.kind WHEN 'event' THEN 'scheduled' ELSE 'open' END
         ORDER BY i.id, r.document_id
       ), latest AS (
         SELECT DISTINCT ON (x.document_id) x.document_id, x.engine
         FROM ${this.runs} x
         LEFT JOIN settling r ON r.document_id = x.document_id AND r.engine = x.engine
         WHERE x.document_id IN (
             SELECT s.document_id FROM ${sources} s WHERE s.item_id IN (SELECT id FROM items))
           AND (x.settled_at IS NOT NULL OR r.document_id IS NOT NULL)
         ORDER BY x.document_id, (r.document_id IS NOT NULL) DESC, x.extracted_at DESC
       )
       SELECT i.id, i.document_id AS "documentId", i.engine FROM items i
       WHERE NOT EXISTS (
           SELECT 1 FROM ${sources} s LEFT JOIN latest l ON l.document_id = s.document_id
           WHERE s.item_id = i.id AND (l.engine IS NULL OR l.engine = s.engine))
       ORDER BY i.id`,
      [runs.map((r) => r.documentId), runs.map((r) => r.engine)],
    );
  }
}
