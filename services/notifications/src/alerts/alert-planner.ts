import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOSED_STATUSES } from '@ct/contracts';
import { quoteIdent } from '@ct/persistence';
import { CLOCK, type Clock } from '../clock/clock';
import { SCHEMA } from '../config/notifications.env';
import { alertKey, DAY_MS, plan } from './alert-rules';
import { ALERTS_OPTIONS, type AlertsOptions } from './alerts.options';

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
  private readonly s = quoteIdent(SCHEMA);

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
  ) {}

  async replan(m: EntityManager, item: WatchedItem): Promise<void> {
    const now = this.clock.now();
    let overdueFrom = 1;
    // Overdue reminders can only have been raised once the due date has passed.
    if (item.dueDate && now.getTime() >= Date.parse(`${item.dueDate}T00:00:00Z`) + DAY_MS) {
      const [row] = (await m.query(
        `SELECT max(split_part(reason, ':', 2)::int) AS n FROM ${this.s}.alerts
         WHERE item_id = $1 AND due_date = $2 AND reason LIKE 'overdue:%' AND raised_at IS NOT NULL`,
        [item.itemId, item.dueDate],
      )) as { n: number | null }[];
      overdueFrom = (row?.n ?? 0) + 1;
    }
    const wanted =
      item.dueDate && !CLOSED.includes(item.status)
        ? plan(item.dueDate, this.options.offsetsDays, now, overdueFrom).map((a) => ({
            ...a,
            key: alertKey(item.itemId, a.reason, item.dueDate!),
          }))
        : [];
    await m.query(
      `DELETE FROM ${this.s}.alerts WHERE item_id = $1 AND raised_at IS NULL AND NOT (key = ANY($2::text[]))`,
      [item.itemId, wanted.map((a) => a.key)],
    );
    if (wanted.length === 0) return;
    await m.query(
      `INSERT INTO ${this.s}.alerts (key, item_id, reason, due_date, fire_at, planned_at)
       SELECT k, $1, r, $2::date, f, $3 FROM unnest($4::text[], $5::text[], $6::timestamptz[]) AS a(k, r, f)
       ON CONFLICT (key) DO NOTHING`,
      [
        item.itemId,
        item.dueDate,
        now.toISOString(),
        wanted.map((a) => a.key),
        wanted.map((a) => a.reason),
        wanted.map((a) => a.fireAt.toISOString()),
      ],
    );
  }
}
