import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EventOf } from '@ct/contracts';
import { claimEvent } from '@ct/messaging';
import { quoteIdent } from '@ct/persistence';
import { CONSUMER_GROUP, SCHEMA } from '../config/notifications.env';
import { AlertPlanner } from '../alerts/alert-planner';
import { WatchedDeadlineEntity } from './entities/watched-deadline.entity';

@Injectable()
export class WatchesService {
  private readonly logger = new Logger(WatchesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planner: AlertPlanner,
  ) {}

  /**
   * Keep the watched deadline of an item current, and its alerts planned for
   * it. Only a newer item version overwrites the row, so a late or replayed
   * event cannot roll it back.
   */
  async onCommitmentChanged(event: EventOf<'commitment.changed.v1'>): Promise<void> {
    const d = event.data;
    const applied = await this.dataSource.transaction(async (m) => {
      if (!(await claimEvent(m, SCHEMA, CONSUMER_GROUP, event.id))) return false;
      const rows: unknown[] = await m.query(
        `INSERT INTO ${quoteIdent(SCHEMA)}.watched_deadlines
           (item_id, kind, actor, action, status, due_date, owner, item_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (item_id) DO UPDATE SET
           kind = EXCLUDED.kind, actor = EXCLUDED.actor, action = EXCLUDED.action,
           status = EXCLUDED.status, due_date = EXCLUDED.due_date, owner = EXCLUDED.owner,
           item_version = EXCLUDED.item_version, updated_at = now()
         WHERE watched_deadlines.item_version < EXCLUDED.item_version
         RETURNING item_id`,
        [d.itemId, d.kind, d.actor, d.action, d.status, d.dueDate, d.owner, d.version],
      );
      if (rows.length === 0) return false;
      await this.planner.replan(m, { itemId: d.itemId, status: d.status, dueDate: d.dueDate });
      return true;
    });
    if (applied) this.logger.log({ itemId: d.itemId, dueDate: d.dueDate }, 'deadline watched');
  }

  list(limit: number, offset: number) {
    return this.dataSource.getRepository(WatchedDeadlineEntity).find({
      order: { dueDate: { direction: 'ASC', nulls: 'LAST' }, itemId: 'ASC' },
      take: limit,
      skip: offset,
    });
  }
}
