import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysMeant } from '@ct/actors';
import {
  changedActorKey,
  registerActorKeysFor,
  CLOSED_STATUSES,
  newestPerItem,
  type CommitmentChangedData,
  type ItemSummary,
  type RegisterFilter,
} from '@ct/contracts';
import { quoteIdent, type Transaction } from '@ct/persistence';
import { compileRegisterFilter, whereClause } from '@ct/register';
import { SCHEMA } from '../config/dashboard.env';

/** An item's newest state as the read model keeps it. */
export interface ItemSnapshot extends ItemSummary {
  version: number;
  owner: string | null;
  dependsOn: string | null;
  sourceCount: number;
  createdAt: Date;
  changedAt: Date;
}

export interface Overview {
  total: number;
  overdue: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  upcoming: ItemSnapshot[];
}

const CLOSED_SQL = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');

const COLUMNS = `item_id AS "itemId", version, kind, actor, action, status, deadline,
  to_char(due_date, 'YYYY-MM-DD') AS "dueDate", owner, place, depends_on AS "dependsOn",
  source_count AS "sourceCount", created_at AS "createdAt", changed_at AS "changedAt"`;

/**
 * The dashboard's read model of the register (`item_snapshots`), kept from
 * `commitment.changed` alone: the only code on that table. Applying an event is idempotent and order-proof: an item keeps the
 * state of the highest version seen.
 */
@Injectable()
export class ItemSnapshotsRepository {
  private readonly table = `${quoteIdent(SCHEMA)}.item_snapshots`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async apply(d: CommitmentChangedData): Promise<void> {
    await this.applyMany(this.dataSource.manager, [d]);
  }

  /**
   * Apply many changes in one statement, inside the caller's transaction.
   * Within the batch only each item's highest version is kept (a statement
   * may not update one row twice).
   */
  async applyMany(m: Transaction, changes: CommitmentChangedData[]): Promise<void> {
    const newest = newestPerItem(changes);
    if (newest.size === 0) return;
    const rows = [...newest.values()];
    const col = <T>(f: (d: CommitmentChangedData) => T) => rows.map(f);
    await m.query(
      `INSERT INTO ${this.table} (item_id, version, kind, actor, actor_key, action, status, deadline,
         due_date, owner, place, depends_on, source_count, created_at, changed_at)
       SELECT item_id, version, kind, actor, actor_key, action, status, deadline,
         due_date, owner, place, depends_on, source_count, changed_at, changed_at
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::date[], $10::text[], $11::text[], $12::uuid[], $13::int[], $14::timestamptz[])
         AS c(item_id, version, kind, actor, actor_key, action, status, deadline,
           due_date, owner, place, depends_on, source_count, changed_at)
       ON CONFLICT (item_id) DO UPDATE SET
         version = EXCLUDED.version, kind = EXCLUDED.kind, actor = EXCLUDED.actor,
         actor_key = EXCLUDED.actor_key, action = EXCLUDED.action, status = EXCLUDED.status,
         deadline = EXCLUDED.deadline, due_date = EXCLUDED.due_date, owner = EXCLUDED.owner,
         place = EXCLUDED.place, depends_on = EXCLUDED.depends_on,
         source_count = EXCLUDED.source_count, changed_at = EXCLUDED.changed_at,
         created_at = least(${this.table}.created_at, EXCLUDED.created_at)
       WHERE ${this.table}.version < EXCLUDED.version`,
      [
        col((d) => d.itemId),
        col((d) => d.version),
        col((d) => d.kind),
        col((d) => d.actor),
        col((d) => changedActorKey(d)),
        col((d) => d.action),
        col((d) => d.status),
        col((d) => d.deadline),
        col((d) => d.dueDate),
        col((d) => d.owner),
        col((d) => d.place ?? null),
        col((d) => d.dependsOn ?? null),
        col((d) => d.sourceCount),
        col((d) => d.changedAt),
      ],
    );
  }

  /** Counts for the overview and the next deadlines from `today` on. */
  async overview(today: string, upcomingLimit: number): Promise<Overview> {
    const [counts, upcoming] = await Promise.all([
      this.dataSource.query(
        `SELECT kind, status, count(*)::int AS n,
           count(*) FILTER (WHERE due_date < $1 AND status NOT IN (${CLOSED_SQL}))::int AS overdue
         FROM ${this.table} GROUP BY kind, status`,
        [today],
      ) as Promise<{ kind: string; status: string; n: number; overdue: number }[]>,
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM ${this.table}
         WHERE due_date >= $1 AND status NOT IN (${CLOSED_SQL})
         ORDER BY due_date, item_id LIMIT $2`,
        [today, upcomingLimit],
      ) as Promise<ItemSnapshot[]>,
    ]);
    const out: Overview = { total: 0, overdue: 0, byStatus: {}, byKind: {}, upcoming };
    for (const c of counts) {
      out.total += c.n;
      out.overdue += c.overdue;
      out.byStatus[c.status] = (out.byStatus[c.status] ?? 0) + c.n;
      out.byKind[c.kind] = (out.byKind[c.kind] ?? 0) + c.n;
    }
    return out;
  }

  /**
   * Every item matching the register's filters, in its sort order, read
   * through a cursor `pageSize` rows at a time, so that an export of 100,000
   * rows neither holds them all in memory nor sorts them once per page.
   */
  async *matching(
    f: RegisterFilter,
    today: string,
    pageSize = 2000,
  ): AsyncGenerator<ItemSnapshot[]> {
    const c = compileRegisterFilter(f, today, { changedAt: 'changed_at', tieBreak: 'item_id' });
    const sql = `SELECT ${COLUMNS} FROM ${this.table} ${whereClause(c.where)} ORDER BY ${c.orderBy}`;
    const params = c.params;
    // One snapshot of the data for the whole export, even while events keep arriving.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        const rows = (await runner.query(`FETCH ${pageSize} FROM export_cursor`)) as ItemSnapshot[];
        if (rows.length) yield rows;
        if (rows.length < pageSize) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /** Items with a due date for the calendar feed, optionally one actor's or one kind's. */
  async withDueDates(f: { actor?: string; kind?: string }, limit: number): Promise<ItemSnapshot[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.table}
       WHERE due_date IS NOT NULL
         AND ($1::text[] IS NULL OR actor_key = ANY($1)) AND ($2::text IS NULL OR kind = $2)
       ORDER BY due_date, item_id LIMIT $3`,
      [f.actor ? registerActorKeysFor(f.actor, keysMeant(f.actor)) : null, f.kind ?? null, limit],
    );
  }
}
