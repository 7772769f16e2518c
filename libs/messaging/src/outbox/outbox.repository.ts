import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quoteIdent, returnedRows, type Transaction } from '@ct/persistence';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';

export interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  key: string | null;
  /** The envelope as jsonb's own text. */
  payload: string;
}

/**
 * A service's outbox and processed-event claims (`outbox`,
 * `processed_events` in its schema): appending events in a caller's
 * transaction, relaying them in order, and forgetting old rows.
 */
@Injectable()
export class OutboxRepository {
  private readonly schema: string;
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.schema = quoteIdent(options.outboxSchema ?? 'public');
    this.table = `${this.schema}.outbox`;
  }

  /** Rows for events; an event id already in the outbox is not added again. */
  async append(
    tx: Transaction,
    topic: string,
    events: { id: string; key: string; payload: string }[],
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.table} (event_id, topic, key, payload)
       SELECT id, $1, key, payload::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS e(id, key, payload)
       ON CONFLICT (event_id) DO NOTHING`,
      [topic, events.map((e) => e.id), events.map((e) => e.key), events.map((e) => e.payload)],
    );
  }

  /**
   * In one transaction: if no other replica is relaying (a transaction-scoped
   * advisory lock on the outbox), take up to `limit` unpublished rows in
   * order, hand them to `publish`, and mark them published once it returns.
   * Returns how many went out (0 while another replica relays).
   */
  relayBatch(limit: number, publish: (rows: OutboxRow[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const [{ mine }] = (await m.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS mine`, [
        `outbox-relay:${this.table}`,
      ])) as { mine: boolean }[];
      if (!mine) return 0;
      const rows: OutboxRow[] = await m.query(
        `SELECT seq, event_id, topic, key, payload::text AS payload FROM ${this.table}
         WHERE published_at IS NULL ORDER BY seq LIMIT ${Number(limit)} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      await publish(rows);
      await m.query(`UPDATE ${this.table} SET published_at = now() WHERE seq = ANY($1::bigint[])`, [
        rows.map((r) => r.seq),
      ]);
      return rows.length;
    });
  }

  /** Delete up to `chunk` rows published before `before`; returns how many. */
  prunePublished(before: Date, chunk: number): Promise<number> {
    return this.deleted(
      `DELETE FROM ${this.table} WHERE seq IN (
         SELECT seq FROM ${this.table} WHERE published_at < $1 LIMIT ${Number(chunk)}) RETURNING seq`,
      before,
    );
  }

  /** Delete up to `chunk` processed-event claims made before `before`; returns how many. */
  pruneClaims(before: Date, chunk: number): Promise<number> {
    return this.deleted(
      `DELETE FROM ${this.schema}.processed_events WHERE ctid IN (
         SELECT ctid FROM ${this.schema}.processed_events WHERE processed_at < $1 LIMIT ${Number(chunk)})
       RETURNING 1`,
      before,
    );
  }

  private async deleted(sql: string, before: Date): Promise<number> {
    return returnedRows(await this.dataSource.query(sql, [before.toISOString()])).length;
  }
}
