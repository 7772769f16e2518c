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
    await this.replanMany(m, [item]);
  }

  /** replan for many items (each listed once) in three statements. */
  async replanMany(m: EntityManager, items: WatchedItem[]): Promise<void> {
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
    // Keys name their item, so one list of wanted keys serves every item.
    await m.query(
      `DELETE FROM ${this.s}.alerts WHERE item_id = ANY($1::uuid[]) AND raised_at IS NULL
         AND NOT (key = ANY($2::text[]))`,
      [items.map((i) => i.itemId), wanted.map((a) => a.key)],
    );
    if (wanted.length === 0) return;
    await m.query(
      `INSERT INTO ${this.s}.alerts (key, item_id, reason, due_date, fire_at, planned_at)
       SELECT k, i, r, d, f, $1 FROM unnest($2::text[], $3::uuid[], $4::text[], $5::date[], $6::timestamptz[])
         AS a(k, i, r, d, f)
       ON CONFLICT (key) DO NOTHING`,
      [
        now.toISOString(),
        wanted.map((a) => a.key),
        wanted.map((a) => a.itemId),
        wanted.map((a) => a.reason),
        wanted.map((a) => a.dueDate),
        wanted.map((a) => a.fireAt.toISOString()),
      ],
    );
  }

  /**
   * The last overdue reminder raised for each item's current due date.
   * Only items already past their due date can have had one.
   */
  private async lastOverdueRaised(
    m: EntityManager,
    items: WatchedItem[],
    now: Date,
  ): Promise<Map<string, number>> {
    const past = items.filter(
      (i) => i.dueDate && now.getTime() >= Date.parse(`${i.dueDate}T00:00:00Z`) + DAY_MS,
    );
    if (past.length === 0) return new Map();
    const rows = (await m.query(
      `SELECT a.item_id, max(split_part(a.reason, ':', 2)::int) AS n
       FROM ${this.s}.alerts a JOIN unnest($1::uuid[], $2::date[]) AS w(item_id, due_date)
         ON a.item_id = w.item_id AND a.due_date = w.due_date
       WHERE a.reason LIKE 'overdue:%' AND a.raised_at IS NOT NULL
       GROUP BY a.item_id`,
      [past.map((i) => i.itemId), past.map((i) => i.dueDate)],
    )) as { item_id: string; n: number }[];
    return new Map(rows.map((r) => [r.item_id, r.n]));
  }
}
