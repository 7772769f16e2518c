import { Inject, Injectable, Logger } from '@nestjs/common';
import { ALERT_DELIVERED, ALERT_FAILED } from '@ct/contracts';
import { OutboxWriter } from '@ct/messaging';
import type { Transaction } from '@ct/persistence';
import { counter } from '@ct/platform';
import { ALERTS_OPTIONS, type AlertsOptions } from '../alerts/alerts.options';
import {
  AlertsRepository,
  type ClaimedDelivery,
  type DeliveryResult,
} from '../alerts/alerts.repository';
import { CLOCK, type Clock } from '../clock/clock';
import { Channels } from './channels';
import { failureKind, recipientRef } from './delivery-outcome';

const alertDeliveries = counter({
  name: 'ct_alert_deliveries_total',
  help: 'Alert delivery attempts by channel and outcome (delivered, retry, failed)',
  labelNames: ['channel', 'outcome'] as const,
});

/** How many deliveries one claim takes. */
export const SEND_BATCH = 20;

/**
 * Sends pending deliveries: claim a batch (and commit the claim), send them
 * with no transaction open, then record each outcome with its
 * `alert.delivered` / `alert.failed` event. A slow receiver then holds up
 * only its own delivery, not every alert pass behind its row locks. Failed
 * attempts are retried with exponential backoff and given up after a bound.
 * A process that dies between sending and recording sends again once the
 * claim lapses (at least once; the Message-ID and webhook-id let receivers
 * tell the repeat).
 */
@Injectable()
export class DeliveryDispatcher {
  private readonly logger = new Logger(DeliveryDispatcher.name);

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly channels: Channels,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
  ) {}

  /** Send what is pending and due for an attempt; returns what was delivered and given up. */
  async deliverPending(): Promise<{ delivered: number; failed: number }> {
    const totals = { delivered: 0, failed: 0 };
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.alerts.claimDeliveries(
        now,
        new Date(now.getTime() + this.options.claimMs),
        SEND_BATCH,
      );
      if (claimed.length === 0) return totals;
      const errors = await Promise.all(
        claimed.map((d) =>
          this.channels.send(d.payload, d).then(
            () => null,
            (err: Error) => err.message,
          ),
        ),
      );
      // One transaction records the batch's outcomes.
      const outcomes = await this.alerts.transaction((tx) =>
        sequence(claimed.map((d, i) => () => this.record(tx, d, errors[i]))),
      );
      totals.delivered += outcomes.filter((o) => o === 'delivered').length;
      totals.failed += outcomes.filter((o) => o === 'failed').length;
      if (claimed.length < SEND_BATCH) return totals;
    }
  }

  private async record(
    tx: Transaction,
    d: ClaimedDelivery,
    error: string | null,
  ): Promise<DeliveryResult['status'] | null> {
    const now = this.clock.now();
    const attempts = d.attempts + 1;
    const result: DeliveryResult =
      error === null
        ? { status: 'delivered', at: now }
        : attempts >= this.options.maxAttempts
          ? { status: 'failed', error }
          : {
              status: 'retry',
              error,
              nextAttemptAt: new Date(now.getTime() + this.options.backoffMs * 2 ** (attempts - 1)),
            };
    alertDeliveries.inc({ channel: d.channel, outcome: result.status });
    const event = {
      alertKey: d.payload.alertKey,
      itemId: d.payload.itemId,
      channel: d.channel,
      // Streamed to every signed-in user: a reference, not the address.
      target: recipientRef(d.channel, d.target),
      attempts,
    };
    const init = (kind: string) => ({
      id: `${kind}:${d.id}`,
      subject: `items/${d.payload.itemId}`,
    });
    const recorded = await this.alerts.recordAttempt(tx, d, attempts, result);
    if (recorded) {
      if (result.status === 'delivered') {
        await this.outbox.append(
          tx,
          ALERT_DELIVERED,
          { ...event, deliveredAt: now.toISOString() },
          init('alert-delivered'),
        );
      } else if (result.status === 'failed') {
        await this.outbox.append(
          tx,
          ALERT_FAILED,
          { ...event, error: failureKind(result.error), failedAt: now.toISOString() },
          init('alert-failed'),
        );
      }
    }
    if (!recorded) {
      this.logger.warn({ delivery: d.id }, 'delivery claim lapsed before its attempt was recorded');
      return null;
    }
    if (result.status === 'failed') {
      this.logger.warn(
        { alert: d.payload.alertKey, delivery: d.id, attempts, error: failureKind(result.error) },
        'alert delivery given up',
      );
    }
    return result.status;
  }
}

/** Run these one after another (statements of one transaction cannot overlap). */
async function sequence<T>(steps: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  for (const step of steps) out.push(await step());
  return out;
}
