import { Inject, Injectable } from '@nestjs/common';
import { ALERT_RAISED, type AlertRaisedData } from '@ct/contracts';
import { OutboxWriter } from '@ct/messaging';
import { counter } from '@ct/platform';
import { CLOCK, type Clock } from '../clock/clock';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { AlertPlanner, CLOSED } from './alert-planner';
import { daysUntil } from './alert-rules';
import { ALERTS_OPTIONS, type AlertsOptions } from './alerts.options';
import { AlertsRepository, type DueAlert } from './alerts.repository';
import { recipientsOf } from './recipients';

const alertsRaised = counter({
  name: 'ct_alerts_raised_total',
  help: 'Deadline alerts raised, late ones (fell due while the service was down) apart',
  labelNames: ['late'] as const,
});

/** How many due alerts one transaction raises. */
export const RAISE_BATCH = 500;

/**
 * Raises the alerts that have fallen due, set-based: a batch is claimed
 * (SKIP LOCKED, so a second replica or an overlapping pass never takes the
 * same alert), and raising it, its deliveries, its `alert.raised` event and
 * the next overdue reminder commit together. An alert that fell due while
 * the service was down is raised at the next pass, marked late.
 */
@Injectable()
export class AlertRaiser {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly planner: AlertPlanner,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
  ) {}

  /** Raise up to one batch of due alerts; returns how many were taken. */
  async raiseDue(): Promise<number> {
    const now = this.clock.now();
    return this.alerts.transaction(async (tx) => {
      const due = await this.alerts.claimDue(tx, now, RAISE_BATCH);
      // Planned before the item closed or moved (the re-plan normally removes those).
      const stale = due.filter((r) => CLOSED.includes(r.status) || r.current_due !== r.due_date);
      await this.alerts.drop(
        tx,
        stale.map((r) => r.key),
      );
      const live = due.filter((r) => !stale.includes(r));
      if (live.length === 0) return due.length;
      const subscribers = await this.subscriptions.subscribersOf(
        tx,
        live.map((r) => ({ key: r.key, actor: r.actor, kind: r.kind, itemId: r.item_id })),
      );
      const recipients = recipientsOf(live, subscribers, { email: !!this.options.smtpUrl });
      const raised = live.map((row) => this.raisedData(row, recipients.get(row.key)!.length, now));
      await this.alerts.markRaised(tx, now, raised);
      await this.alerts.addDeliveries(
        tx,
        now,
        live.flatMap((row) =>
          recipients.get(row.key)!.map((to) => ({ alertKey: row.key, itemId: row.item_id, to })),
        ),
      );
      await this.outbox.appendMany(
        tx,
        ALERT_RAISED,
        raised.map((data) => ({
          data,
          init: { id: `alert:${data.alertKey}`, subject: `items/${data.itemId}` },
        })),
      );
      for (const d of raised) alertsRaised.inc({ late: String(d.late) });
      // The next overdue reminder of each item that just had one.
      const reminded = new Map(
        live
          .filter((r) => r.reason.startsWith('overdue:'))
          .map((r) => [r.item_id, { itemId: r.item_id, status: r.status, dueDate: r.due_date }]),
      );
      await this.planner.replanMany(tx, [...reminded.values()]);
      return due.length;
    });
  }

  private raisedData(row: DueAlert, recipients: number, now: Date): AlertRaisedData {
    const since = Math.max(row.fire_at.getTime(), row.planned_at.getTime());
    return {
      alertKey: row.key,
      itemId: row.item_id,
      reason: row.reason,
      dueDate: row.due_date,
      daysUntilDue: daysUntil(row.due_date, now),
      fireAt: row.fire_at.toISOString(),
      raisedAt: now.toISOString(),
      late: now.getTime() - since > 2 * this.options.intervalMs,
      kind: row.kind,
      actor: row.actor,
      action: row.action,
      owner: row.owner,
      recipients,
    };
  }
}
