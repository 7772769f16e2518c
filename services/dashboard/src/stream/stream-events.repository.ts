import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EventOf } from '@ct/contracts';
import { advisoryLocks, quoteIdent, returnedRows, type Transaction } from '@ct/persistence';
import { SCHEMA } from '../config/dashboard.env';

export type Streamed =
  | EventOf<'commitment.changed.v1'>
  | EventOf<'alert.raised.v1'>
  | EventOf<'alert.delivered.v1'>
  | EventOf<'alert.failed.v1'>;

export interface StreamFilter {
  types?: string[];
  kind?: string;
  actor?: string;
  status?: string;
  itemId?: string;
}

export interface StoredEvent {
  seq: string;
  type: string;
  payload: unknown;
}

/**
 * The dashboard's copy of the events it streams (`stream_events`, only here), each stored once (a
 * redelivered event is the same row) and numbered in arrival order.
 */
@Injectable()
export class StreamEventsRepository {
  private readonly table = `${quoteIdent(SCHEMA)}.stream_events`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(event: Streamed): Promise<void> {
    await this.dataSource.transaction((m) => this.addMany(m, [event]));
  }

  /**
   * Store many events inside the caller's transaction, numbered in the order
   * given. Writers take turns (a transaction-scoped lock): numbers are then
   * committed in increasing order, so a client reading "after seq N" never
   * misses a smaller number that a slower transaction committed later.
   */
  async addMany(m: Transaction, events: Streamed[]): Promise<void> {
    if (events.length === 0) return;
    await advisoryLocks(m, [this.table]);
    const data = events.map(
      (e) => e.data as { itemId: string; kind?: string; actor?: string; status?: string },
    );
    await m.query(
      `INSERT INTO ${this.table} (event_id, type, item_id, kind, actor_key, status, payload)
       SELECT event_id, type, item_id, kind, lower(actor), status, payload
       FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::jsonb[])
         WITH ORDINALITY AS e(event_id, type, item_id, kind, actor, status, payload, n)
       ORDER BY n
       ON CONFLICT (event_id) DO NOTHING`,
      [
        events.map((e) => e.id),
        events.map((e) => e.type),
        data.map((d) => d.itemId),
        data.map((d) => d.kind ?? null),
        data.map((d) => d.actor ?? null),
        data.map((d) => d.status ?? null),
        events.map((e) => JSON.stringify(e)),
      ],
    );
  }

  /** Events after `afterSeq` that match the filter, oldest first. */
  async after(afterSeq: string, filter: StreamFilter, limit = 500): Promise<StoredEvent[]> {
    return this.dataSource.query(
      `SELECT seq::text AS seq, type, payload FROM ${this.table}
       WHERE seq > $1::bigint
         AND ($2::text[] IS NULL OR type = ANY($2::text[]))
         AND ($3::text IS NULL OR kind = $3)
         AND ($4::text IS NULL OR actor_key = lower($4))
         AND ($5::text IS NULL OR status = $5)
         AND ($6::uuid IS NULL OR item_id = $6::uuid)
       ORDER BY seq LIMIT ${limit}`,
      [
        afterSeq,
        filter.types ?? null,
        filter.kind ?? null,
        filter.actor ?? null,
        filter.status ?? null,
        filter.itemId ?? null,
      ],
    );
  }

  /** The newest `limit` events of these types, newest first. */
  async recent(types: readonly string[], limit: number): Promise<StoredEvent[]> {
    return this.dataSource.query(
      `SELECT seq::text AS seq, type, payload FROM ${this.table}
       WHERE type = ANY($1::text[]) ORDER BY seq DESC LIMIT $2`,
      [types, limit],
    );
  }

  /** The oldest event still kept, or null when none is. */
  async oldest(): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT min(seq)::text AS seq FROM ${this.table}`,
    )) as { seq: string | null }[];
    return row.seq;
  }

  /** Forget events older than this many days; returns how many. */
  async prune(retentionDays: number): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE received_at < now() - make_interval(days => $1) RETURNING seq`,
      [retentionDays],
    );
    return returnedRows(result).length;
  }

  /** The newest sequence number (where a client without Last-Event-ID starts). */
  async latest(): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT coalesce(max(seq), 0)::text AS seq FROM ${this.table}`,
    )) as { seq: string }[];
    return row.seq;
  }
}
