import { Inject, Injectable } from '@nestjs/common';
import { CLOSED_STATUSES } from '@ct/contracts';
import type { Transaction } from '@ct/persistence';
import { CLOCK, type Clock } from '../clock/clock';
import { alertKey, DAY_MS, plan } from './alert-rules';
import { ALERTS_OPTIONS, type AlertsOptions } from './alerts.options';
import { AlertsRepository } from './alerts.repository';

/** Statuses that end alerting: the work is finished, called off, or no longer tracked. */
export const CLOSED: readonly string[] = CLOSED_STATUSES;

export interface WatchedItem {
  itemId: string;
  status: string;
  dueDate: string | null;
}

/**
 * Keeps an item's planned alerts in line with its deadline and status, in
 * the transaction that stored the item's new state. Alerts already raised
 * stay as they are (each key is raised once); unraised ones that no longer
 * apply (a moved deadline, a closed item) are dropped.
 */
@Injectable()
export class AlertPlanner {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
    private readonly alerts: AlertsRepository,
  ) {}

  async replan(m: Transaction, item: WatchedItem): Promise<void> {
    await this.replanMany(m, [item]);
  }

  /** replan for many items (each listed once) in three statements. */
  async replanMany(m: Transaction, items: WatchedItem[]): Promise<void> {
    if (items.length === 0) return;
    const now = this.clock.now();
    const lastOverdue = await this.lastOverdueRaised(m, items, now);
    const wanted = items.flatMap((item) =>
      item.dueDate && !CLOSED.includes(item.status)
        ? plan(
            item.dueDate,
            this.options.offsetsDays,
            now,
            (lastOverdue.get(item.itemId) ?? 0) + 1,
          ).map((a) => ({
            ...a,
            itemId: item.itemId,
            dueDate: item.dueDate!,
            key: alertKey(item.itemId, a.reason, item.dueDate!),
          }))
        : [],
    );
    await this.alerts.dropUnraisedExcept(
      m,
      items.map((i) => i.itemId),
      wanted.map((a) => a.key),
    );
    await this.alerts.plan(m, now, wanted);
  }

  /**
   * The last overdue reminder raised for each item's current due date.
   * Only items already past their due date can have had one.
   */
  private async lastOverdueRaised(
    m: Transaction,
    items: WatchedItem[],
    now: Date,
  ): Promise<Map<string, number>> {
    const past = items.filter(
      (i) => i.dueDate && now.getTime() >= Date.parse(`${i.dueDate}T00:00:00Z`) + DAY_MS,
    );
    return this.alerts.lastOverdueRaised(
      m,
      past.map((i) => ({ itemId: i.itemId, dueDate: i.dueDate! })),
    );
  }
}
