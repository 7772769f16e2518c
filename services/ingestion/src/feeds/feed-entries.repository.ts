import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { quoteIdent } from '@ct/persistence';
import { SCHEMA } from '../config/ingestion.env';
import type { IngestOutcome } from '../documents/ingest-outcome';

/** The entries read from each feed and what became of each (`feed_entries`, only here). */
@Injectable()
export class FeedEntriesRepository {
  private readonly table = `${quoteIdent(SCHEMA)}.feed_entries`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Which of these entry keys of the feed were read before. */
  async known(feedUrl: string, keys: string[]): Promise<Set<string>> {
    const rows: { entry_key: string }[] = await this.dataSource.query(
      `SELECT entry_key FROM ${this.table} WHERE feed_url = $1 AND entry_key = ANY($2::text[])`,
      [feedUrl, keys],
    );
    return new Set(rows.map((r) => r.entry_key));
  }

  async record(feedUrl: string, key: string, link: string | null, o: IngestOutcome): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.table} (feed_url, entry_key, link, document_id, outcome, reason)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [feedUrl, key, link, o.documentId, o.outcome, o.reason],
    );
  }
}
