import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { newestPerItem, type EventOf } from '@ct/contracts';
import { claimEvents } from '@ct/messaging';
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

  /** One change in its own transaction (see onCommitmentsChanged). */
  async onCommitmentChanged(event: EventOf<'commitment.changed.v1'>): Promise<void> {
    await this.onCommitmentsChanged([event]);
  }

  /**
   * Keep the watched deadlines of items current, and their alerts planned,
   * for a batch of changes in one transaction. Only a newer item version
   * overwrites a row, so a late or replayed event cannot roll it back; each
   * event is claimed, so a redelivered batch changes nothing.
   */
  async onCommitmentsChanged(events: EventOf<'commitment.changed.v1'>[]): Promise<void> {
    const applied = await this.dataSource.transaction(async (m) => {
      const claimed = await claimEvents(
        m,
        SCHEMA,
        CONSUMER_GROUP,
        events.map((e) => e.id),
      );
      const newest = newestPerItem(events.filter((e) => claimed.has(e.id)).map((e) => e.data));
      if (newest.size === 0) return [];
      const rows = [...newest.values()];
      const updated = (await m.query(
        `INSERT INTO ${quoteIdent(SCHEMA)}.watched_deadlines
           (item_id, kind, actor, action, status, due_date, owner, item_version)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],
           $6::date[], $7::text[], $8::int[])
         ON CONFLICT (item_id) DO UPDATE SET
           kind = EXCLUDED.kind, actor = EXCLUDED.actor, action = EXCLUDED.action,
           status = EXCLUDED.status, due_date = EXCLUDED.due_date, owner = EXCLUDED.owner,
           item_version = EXCLUDED.item_version, updated_at = now()
         WHERE watched_deadlines.item_version < EXCLUDED.item_version
         RETURNING item_id`,
        [
          rows.map((d) => d.itemId),
          rows.map((d) => d.kind),
          rows.map((d) => d.actor),
          rows.map((d) => d.action),
          rows.map((d) => d.status),
          rows.map((d) => d.dueDate),
          rows.map((d) => d.owner),
          rows.map((d) => d.version),
        ],
      )) as { item_id: string }[];
      const changed = updated.map((r) => newest.get(r.item_id)!);
      await this.planner.replanMany(
        m,
        changed.map((d) => ({ itemId: d.itemId, status: d.status, dueDate: d.dueDate })),
      );
      return changed;
    });
    if (applied.length > 0) {
      this.logger.log({ items: applied.length, events: events.length }, 'deadlines watched');
    }
  }

  list(limit: number, offset: number) {
    return this.dataSource.getRepository(WatchedDeadlineEntity).find({
      order: { dueDate: { direction: 'ASC', nulls: 'LAST' }, itemId: 'ASC' },
      take: limit,
      skip: offset,
    });
  }
}
