import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import type { ListItemsQuery } from './dto/item-queries.dto';
import { ItemCommentEntity } from './entities/item-comment.entity';
import { ItemHistoryEntity } from './entities/item-history.entity';
import { ItemSourceEntity } from './entities/item-source.entity';
import { TrackedItemEntity } from './entities/tracked-item.entity';
import { CLOSED } from './lifecycle';

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
  ): Promise<{ items: TrackedItemEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(TrackedItemEntity).createQueryBuilder('i');
    if (q.kind) qb.andWhere('i.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.actor) qb.andWhere('i.actor ILIKE :actor', { actor: `%${escapeLike(q.actor)}%` });
    if (q.dueBefore) qb.andWhere('i.due_date <= :dueBefore', { dueBefore: q.dueBefore });
    if (q.dueAfter) qb.andWhere('i.due_date >= :dueAfter', { dueAfter: q.dueAfter });
    if (q.q) qb.andWhere(`(i.action || ' ' || i.actor) ILIKE :q`, { q: `%${escapeLike(q.q)}%` });
    if (q.documentId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM ${this.sourcesTable()} s WHERE s.item_id = i.id AND s.document_id = :doc)`,
        { doc: q.documentId },
      );
    }
    if (q.overdue !== undefined) {
      const overdue = new Brackets((w) =>
        w
          .where('i.due_date < :today', { today })
          .andWhere('i.status NOT IN (:...closed)', { closed: CLOSED }),
      );
      if (q.overdue) qb.andWhere(overdue);
      else
        qb.andWhere(
          new Brackets((w) =>
            w
              .where('i.due_date IS NULL')
              .orWhere('i.due_date >= :today', { today })
              .orWhere('i.status IN (:...closed)', { closed: CLOSED }),
          ),
        );
    }
    const [column, direction] = SORTS[q.sort];
    qb.orderBy(column, direction, direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST').addOrderBy(
      'i.id',
      'ASC',
    );
    const [items, total] = await qb.skip(q.offset).take(q.limit).getManyAndCount();
    return { items, total };
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
