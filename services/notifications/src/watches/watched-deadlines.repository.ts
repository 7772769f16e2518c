import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CommitmentChangedData } from '@ct/contracts';
import { tableOf, type Transaction } from '@ct/persistence';
import { DIGEST_MAX_ITEMS, type DigestItem } from '../digests/digest';
import { WatchedDeadlineEntity } from './entities/watched-deadline.entity';

/** The deadlines of tracked items as this service knows them (`watched_deadlines`, only here). */
@Injectable()
export class WatchedDeadlinesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Store each item's state unless a newer version of it is stored (a late
   * or replayed event cannot roll it back); returns the ids that changed.
   */
  async upsertNewer(tx: Transaction, items: CommitmentChangedData[]): Promise<string[]> {
    if (items.length === 0) return [];
    const table = tableOf(tx, WatchedDeadlineEntity);
    const rows = (await tx.query(
      `INSERT INTO ${table} AS w
         (item_id, kind, actor, action, status, due_date, owner, item_version, updated_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],
         $6::date[], $7::text[], $8::int[], $9::timestamptz[])
       ON CONFLICT (item_id) DO UPDATE SET
         kind = EXCLUDED.kind, actor = EXCLUDED.actor, action = EXCLUDED.action,
         status = EXCLUDED.status, due_date = EXCLUDED.due_date, owner = EXCLUDED.owner,
         item_version = EXCLUDED.item_version, updated_at = EXCLUDED.updated_at
       WHERE w.item_version < EXCLUDED.item_version
       RETURNING item_id`,
      [
        items.map((d) => d.itemId),
        items.map((d) => d.kind),
        items.map((d) => d.actor),
        items.map((d) => d.action),
        items.map((d) => d.status),
        items.map((d) => d.dueDate),
        items.map((d) => d.owner),
        items.map((d) => d.version),
        // When the register changed it (what a digest's "changed since" compares), not when this
        // service read the event.
        items.map((d) => d.changedAt),
      ],
    )) as { item_id: string }[];
    return rows.map((r) => r.item_id);
  }

  /** A page of watched deadlines, soonest first, undated last. */
  page(limit: number, offset: number): Promise<WatchedDeadlineEntity[]> {
    return this.dataSource.getRepository(WatchedDeadlineEntity).find({
      order: { dueDate: { direction: 'ASC', nulls: 'LAST' }, itemId: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /**
   * What a digest may list for a subscription's filter (empty parts match
   * everything): open items due before `dueBefore` (so also the overdue), and
   * every item changed after `changedAfter`.
   */
  async forDigest(
    filter: { actors: string[]; kinds: string[]; items: string[] },
    closed: readonly string[],
    dueBefore: string,
    changedAfter: Date,
  ): Promise<DigestItem[]> {
    const table = tableOf(this.dataSource.manager, WatchedDeadlineEntity);
    const rows = (await this.dataSource.query(
      `SELECT item_id, kind, actor, action, status, due_date::text AS due_date, owner, updated_at,
              status = ANY($4::text[]) AS closed
       FROM ${table}
       WHERE (cardinality($1::text[]) = 0 OR lower(actor) = ANY($1::text[]))
         AND (cardinality($2::text[]) = 0 OR kind = ANY($2::text[]))
         AND (cardinality($3::uuid[]) = 0 OR item_id = ANY($3::uuid[]))
         AND ((due_date < $5 AND NOT status = ANY($4::text[])) OR updated_at > $6)
       ORDER BY due_date NULLS LAST, item_id
       LIMIT ${DIGEST_MAX_ITEMS}`,
      [filter.actors, filter.kinds, filter.items, closed, dueBefore, changedAfter.toISOString()],
    )) as {
      item_id: string;
      kind: string;
      actor: string;
      action: string;
      status: string;
      due_date: string | null;
      owner: string | null;
      updated_at: Date;
      closed: boolean;
    }[];
    return rows.map((r) => ({
      itemId: r.item_id,
      kind: r.kind,
      actor: r.actor,
      action: r.action,
      status: r.status,
      dueDate: r.due_date,
      owner: r.owner,
      updatedAt: r.updated_at,
      closed: r.closed,
    }));
  }
}
