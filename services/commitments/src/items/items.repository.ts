import { Injectable } from '@nestjs/common';
import { keysMeant } from '@ct/actors';
import { registerActorKeysFor } from '@ct/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ListItemsQuery } from './dto/item-queries.dto';
import { ItemCommentEntity } from './entities/item-comment.entity';
import { ItemHistoryEntity } from './entities/item-history.entity';
import { ItemSourceEntity } from './entities/item-source.entity';
import { TrackedItemEntity } from './entities/tracked-item.entity';
import { CLOSED } from './lifecycle';

/** Beyond this many matches the list reports "1000+" (totalCapped) instead of counting them all. */
export const TOTAL_CAP = 1000;

const SORTS: Record<ListItemsQuery['sort'], [string, 'ASC' | 'DESC']> = {
  due: ['i.due_date', 'ASC'],
  '-due': ['i.due_date', 'DESC'],
  created: ['i.created_at', 'ASC'],
  '-created': ['i.created_at', 'DESC'],
  updated: ['i.updated_at', 'ASC'],
  '-updated': ['i.updated_at', 'DESC'],
};

/** Read access to the register. Every filter is a bound parameter. */
@Injectable()
export class ItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    q: ListItemsQuery,
    today: string,
  ): Promise<{ items: TrackedItemEntity[]; total: number; totalCapped: boolean }> {
    const qb = this.dataSource.getRepository(TrackedItemEntity).createQueryBuilder('i');
    if (q.kind) qb.andWhere('i.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.actor) {
      // "Kazakhstan", "Казахстан" and "KZ" find the items the register keeps under @KZ too.
      const keys = registerActorKeysFor(q.actor, keysMeant(q.actor));
      qb.andWhere('i.actor_key IN (:...actorKeys)', { actorKeys: keys });
    }
    if (q.dueBefore) qb.andWhere('i.due_date <= :dueBefore', { dueBefore: q.dueBefore });
    if (q.dueAfter) qb.andWhere('i.due_date >= :dueAfter', { dueAfter: q.dueAfter });
    if (q.q) qb.andWhere(`(i.action || ' ' || i.actor) ILIKE :q`, { q: `%${escapeLike(q.q)}%` });
    if (q.documentId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM ${this.sourcesTable()} s WHERE s.item_id = i.id AND s.document_id = :doc)`,
        { doc: q.documentId },
      );
    }
    if (q.open !== undefined) {
      const closed = CLOSED.map((c) => `'${c}'`).join(', ');
      qb.andWhere(q.open ? `i.status NOT IN (${closed})` : `i.status IN (${closed})`);
    }
    if (q.overdue !== undefined) {
      // The closed statuses are spelled out like the partial index
      // tracked_items_open_due_idx, so that the planner can use it.
      const open = `i.status NOT IN (${CLOSED.map((c) => `'${c}'`).join(', ')})`;
      if (q.overdue) qb.andWhere(`i.due_date < :today AND ${open}`, { today });
      else qb.andWhere(`(NOT (i.due_date < :today AND ${open}) OR i.due_date IS NULL)`, { today });
    }
    const [column, direction] = SORTS[q.sort];
    qb.orderBy(column, direction, direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST').addOrderBy(
      'i.id',
      'ASC',
    );
    // No joins, so plain LIMIT/OFFSET; the total is counted up to a cap, because an
    // exact count over hundreds of thousands of matches costs more than the page.
    const [countSql, countParams] = qb
      .clone()
      .select('1')
      .orderBy()
      .limit(TOTAL_CAP + 1)
      .getQueryAndParameters();
    const [items, [{ n }]] = await Promise.all([
      qb.offset(q.offset).limit(q.limit).getMany(),
      this.dataSource.query(
        `SELECT count(*)::int AS n FROM (${countSql}) t`,
        countParams,
      ) as Promise<{ n: number }[]>,
    ]);
    return { items, total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP };
  }

  findOne(id: string): Promise<TrackedItemEntity | null> {
    return this.dataSource.getRepository(TrackedItemEntity).findOneBy({ id });
  }

  async details(id: string) {
    const [sources, history, comments, dependents] = await Promise.all([
      this.dataSource
        .getRepository(ItemSourceEntity)
        .find({ where: { itemId: id }, order: { createdAt: 'ASC' } }),
      this.dataSource
        .getRepository(ItemHistoryEntity)
        .find({ where: { itemId: id }, order: { id: 'ASC' } }),
      this.dataSource
        .getRepository(ItemCommentEntity)
        .find({ where: { itemId: id }, order: { id: 'ASC' } }),
      this.dataSource
        .getRepository(TrackedItemEntity)
        .find({ where: { dependsOn: id }, order: { createdAt: 'ASC' } }),
    ]);
    return { sources, history, comments, dependents };
  }

  private sourcesTable(): string {
    const meta = this.dataSource.getMetadata(ItemSourceEntity);
    return `"${meta.schema}"."${meta.tableName}"`;
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
