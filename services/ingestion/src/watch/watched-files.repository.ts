import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { quoteIdent } from '@ct/persistence';
import { SCHEMA } from '../config/ingestion.env';
import type { IngestOutcome } from '../documents/ingest-outcome';

/** What the watcher last saw of a file. */
export interface SeenFile {
  size: string;
  modified_at: Date;
  file_hash: string;
}

/** The files of the watched folder and what became of each (`watched_files`, only here). */
@Injectable()
export class WatchedFilesRepository {
  private readonly table = `${quoteIdent(SCHEMA)}.watched_files`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(): Promise<Map<string, SeenFile>> {
    const rows: (SeenFile & { path: string })[] = await this.dataSource.query(
      `SELECT path, size::text AS size, modified_at, file_hash FROM ${this.table}`,
    );
    return new Map(rows.map((r) => [r.path, r]));
  }

  /** Remember a file; an unchanged file (same hash, new timestamp, no outcome) keeps its outcome. */
  async record(
    path: string,
    size: number,
    modified: Date,
    hash: string,
    o: IngestOutcome | null,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.table} (path, size, modified_at, file_hash, document_id, outcome, reason)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6, 'ingested'), $7)
       ON CONFLICT (path) DO UPDATE SET size = $2, modified_at = $3, file_hash = $4, seen_at = now(),
         document_id = CASE WHEN $6::text IS NULL THEN ${this.table}.document_id ELSE $5 END,
         outcome = COALESCE($6, ${this.table}.outcome),
         reason = CASE WHEN $6::text IS NULL THEN ${this.table}.reason ELSE $7 END`,
      [
        path,
        size,
        modified.toISOString(),
        hash,
        o?.documentId ?? null,
        o?.outcome ?? null,
        o?.reason ?? null,
      ],
    );
  }
}
