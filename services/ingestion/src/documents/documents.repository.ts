import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { columnsOf, quoteIdent, selectList, type Transaction } from '@ct/persistence';
import { escapeLike } from '@ct/register';
import { SCHEMA } from '../config/ingestion.env';
import { DocumentEntity } from './entities/document.entity';

/** A document as it is first stored. */
export type NewDocument = Pick<
  DocumentEntity,
  | 'title'
  | 'text'
  | 'language'
  | 'published'
  | 'publishedPrecision'
  | 'sourceUrl'
  | 'mediaType'
  | 'origin'
  | 'receivedBy'
  | 'fileName'
  | 'fileHash'
  | 'contentHash'
>;

/** What a list of documents shows of each (not its text). */
const SUMMARY_FIELDS = [
  'id',
  'title',
  'fileName',
  'language',
  'published',
  'publishedPrecision',
  'receivedAt',
  'commitmentCount',
] as const;
export type DocumentSummaryRow = Pick<DocumentEntity, (typeof SUMMARY_FIELDS)[number]>;

/** One reading of a document by the engine, as the document records it. */
export interface Reading {
  documentId: string;
  engine: string;
  commitments: number;
  language: string | null;
}

/** A coordinator's change of a field of a document. */
export interface FieldCorrection {
  field: string;
  from: string | null;
  to: string | null;
}

/**
 * The stored documents and their corrections (`documents`,
 * `document_corrections`): the only code on those tables.
 */
@Injectable()
export class DocumentsRepository {
  private readonly s = quoteIdent(SCHEMA);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findOne(id: string): Promise<DocumentEntity | null> {
    return this.dataSource.manager.findOneBy(DocumentEntity, { id });
  }

  /**
   * Store a document unless one with the same normalised text is stored:
   * returns the new id, or the existing document's id with `duplicate`.
   */
  async insertOnce(tx: Transaction, doc: NewDocument): Promise<{ id: string; duplicate: boolean }> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(DocumentEntity)
      .values(doc)
      .orIgnore()
      .returning(['id'])
      .execute();
    const rows = inserted.raw as { id: string }[];
    if (rows.length > 0) return { id: rows[0].id, duplicate: false };
    const existing = await tx.findOneByOrFail(DocumentEntity, { contentHash: doc.contentHash });
    return { id: existing.id, duplicate: true };
  }

  findMany(tx: Transaction, ids: string[]): Promise<DocumentEntity[]> {
    return tx.findBy(DocumentEntity, { id: In(ids) });
  }

  lockOne(tx: Transaction, id: string): Promise<DocumentEntity | null> {
    return tx.findOne(DocumentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Documents newest first, without their texts, optionally those whose
   * title or file name holds `q`; the total is counted up to `cap`.
   */
  async page(
    q: string | null,
    limit: number,
    offset: number,
    cap: number,
  ): Promise<{ rows: DocumentSummaryRow[]; total: number }> {
    const m = this.dataSource.manager;
    const where = q
      ? `WHERE (coalesce(d.title, '') || ' ' || coalesce(d.file_name, '')) ILIKE $1`
      : 'WHERE $1::text IS NULL';
    const pattern = q ? `%${escapeLike(q)}%` : null;
    const columns = columnsOf(m, DocumentEntity).filter((c) =>
      (SUMMARY_FIELDS as readonly string[]).includes(c.property),
    );
    const [rows, [{ n }]] = await Promise.all([
      m.query(
        `SELECT ${selectList('d', columns)} FROM ${this.s}.documents d ${where}
         ORDER BY d.received_at DESC, d.id LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
        [pattern],
      ) as Promise<DocumentSummaryRow[]>,
      m.query(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${this.s}.documents d ${where} LIMIT ${Number(cap) + 1}) t`,
        [pattern],
      ) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: n };
  }

  /** A page of document ids in the order received, after a keyset position (see `ReprocessService`). */
  receivedPage(
    since: string | null,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<{ id: string; at: string }[]> {
    // The timestamp travels as text so its microseconds survive the round trip.
    return this.dataSource.query(
      `SELECT id, received_at::text AS at FROM ${this.s}.documents
       WHERE ($1::date IS NULL OR received_at >= $1::date)
         AND ($2::timestamptz IS NULL OR (received_at, id) > ($2::timestamptz, $3::uuid))
       ORDER BY received_at, id LIMIT ${Number(limit)}`,
      [since, after?.at ?? null, after?.id ?? null],
    );
  }

  /** Mark documents as read by an engine at this time, with what each reading found. */
  async markRead(tx: Transaction, at: Date, readings: Reading[]): Promise<void> {
    if (readings.length === 0) return;
    await tx.query(
      `UPDATE ${this.s}.documents d
       SET extracted_at = $1, engine_version = r.engine, commitment_count = r.n, language = r.language
       FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[]) AS r(id, engine, n, language)
       WHERE d.id = r.id`,
      [
        at.toISOString(),
        readings.map((r) => r.documentId),
        readings.map((r) => r.engine),
        readings.map((r) => r.commitments),
        readings.map((r) => r.language),
      ],
    );
  }

  /** Record corrections as a new revision of the document and save its corrected fields. */
  async correct(
    tx: Transaction,
    doc: DocumentEntity,
    by: string,
    changes: FieldCorrection[],
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.s}.document_corrections
         (document_id, field, from_value, to_value, corrected_by, revision)
       SELECT $1, f, old, new, $2, $3 FROM unnest($4::text[], $5::text[], $6::text[]) AS x(f, old, new)`,
      [
        doc.id,
        by,
        doc.revision,
        changes.map((c) => c.field),
        changes.map((c) => c.from),
        changes.map((c) => c.to),
      ],
    );
    await tx.update(
      DocumentEntity,
      { id: doc.id },
      {
        published: doc.published,
        publishedPrecision: doc.publishedPrecision,
        language: doc.language,
        revision: doc.revision,
      },
    );
  }
}
