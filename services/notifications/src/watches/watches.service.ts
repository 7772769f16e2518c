import { Injectable, Logger } from '@nestjs/common';
import { newestPerItem, type EventOf } from '@ct/contracts';
import { claimEvents } from '@ct/messaging';
import { CONSUMER_GROUP, SCHEMA } from '../config/notifications.env';
import { AlertPlanner } from '../alerts/alert-planner';
import { WatchedDeadlinesRepository } from './watched-deadlines.repository';

@Injectable()
export class WatchesService {
  private readonly logger = new Logger(WatchesService.name);

  constructor(
    private readonly deadlines: WatchedDeadlinesRepository,
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
    const applied = await this.deadlines.transaction(async (m) => {
      const claimed = await claimEvents(
        m,
        SCHEMA,
        CONSUMER_GROUP,
        events.map((e) => e.id),
      );
      const newest = newestPerItem(events.filter((e) => claimed.has(e.id)).map((e) => e.data));
      if (newest.size === 0) return [];
      const updated = await this.deadlines.upsertNewer(m, [...newest.values()]);
      const changed = updated.map((id) => newest.get(id)!);
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
    return this.deadlines.page(limit, offset);
  }
}
