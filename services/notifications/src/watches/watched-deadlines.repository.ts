import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CommitmentChangedData } from '@ct/contracts';
import { tableOf, type Transaction } from '@ct/persistence';
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
         (item_id, kind, actor, action, status, due_date, owner, item_version)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],
         $6::date[], $7::text[], $8::int[])
       ON CONFLICT (item_id) DO UPDATE SET
         kind = EXCLUDED.kind, actor = EXCLUDED.actor, action = EXCLUDED.action,
         status = EXCLUDED.status, due_date = EXCLUDED.due_date, owner = EXCLUDED.owner,
         item_version = EXCLUDED.item_version, updated_at = now()
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
}
