import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CommitmentChangedData } from '@ct/contracts';
import { columnsOf, selectList, tableOf, type Transaction } from '@ct/persistence';
import { DIGEST_MAX_ITEMS, type DigestItem } from '../digests/digest';
import { filterMatches } from '../subscriptions/subscription-filter';
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
  forDigest(
    filter: { actors: string[]; kinds: string[]; items: string[] },
    closed: readonly string[],
    dueBefore: string,
    changedAfter: Date,
  ): Promise<DigestItem[]> {
    const m = this.dataSource.manager;
    return m.query(
      `SELECT ${selectList('w', columnsOf(m, WatchedDeadlineEntity))},
              w.status = ANY($4::text[]) AS closed
       FROM ${tableOf(m, WatchedDeadlineEntity)} w
       WHERE ${filterMatches(
         { actors: '$1::text[]', kinds: '$2::text[]', items: '$3::uuid[]' },
         { actor: 'w.actor', kind: 'w.kind', id: 'w.item_id' },
       )}
         AND ((w.due_date < $5 AND NOT w.status = ANY($4::text[])) OR w.updated_at > $6)
       ORDER BY w.due_date NULLS LAST, w.item_id
       LIMIT ${DIGEST_MAX_ITEMS}`,
      [filter.actors, filter.kinds, filter.items, closed, dueBefore, changedAfter.toISOString()],
    ) as Promise<DigestItem[]>;
  }
}
