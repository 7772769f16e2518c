import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ALERT_DELIVERED, ALERT_FAILED, ALERT_RAISED, type AlertRaisedData } from '@ct/contracts';
import { OutboxRelay, OutboxWriter } from '@ct/messaging';
import { quoteIdent } from '@ct/persistence';
import { counter, Serial } from '@ct/platform';
import { CLOCK, type Clock } from '../clock/clock';
import { SCHEMA } from '../config/notifications.env';
import { Channels, type Recipient } from '../deliveries/channels';
import { daysUntil } from './alert-rules';
import { AlertPlanner, CLOSED } from './alert-planner';
import { ALERTS_OPTIONS, type AlertsOptions } from './alerts.options';
import { failureKind, recipientRef } from '../deliveries/delivery-outcome';

const alertsRaised = counter({
  name: 'ct_alerts_raised_total',
  help: 'Deadline alerts raised, late ones (fell due while the service was down) apart',
  labelNames: ['late'] as const,
});
const alertDeliveries = counter({
  name: 'ct_alert_deliveries_total',
  help: 'Alert delivery attempts by channel and outcome (delivered, retry, failed)',
  labelNames: ['channel', 'outcome'] as const,
});

const RAISE_BATCH = 500;
const SEND_BATCH = 20;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

interface DueRow {
  key: string;
  item_id: string;
  reason: string;
  due_date: string;
  fire_at: Date;
  planned_at: Date;
  kind: 'mandate' | 'pledge' | 'event';
  actor: string;
  action: string;
  status: string;
  owner: string | null;
  current_due: string | null;
}

/**
 * Raises the alerts that have fallen due and delivers them. Each alert is
 * raised once: rows are claimed with SKIP LOCKED, so a second replica or an
 * overlapping pass never takes the same one, and raising, its deliveries and
 * its `alert.raised` event commit together. An alert that fell due while the
 * service was down is raised at the next pass, marked late. Deliveries are
 * retried with exponential backoff and given up after a bound.
 */
@Injectable()
export class AlertScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertScheduler.name);
  private readonly s = quoteIdent(SCHEMA);
  private timer: NodeJS.Timeout | undefined;
  private readonly serial = new Serial();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
    private readonly planner: AlertPlanner,
    private readonly channels: Channels,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.smtpUrl)
      this.logger.warn('SMTP_URL is not set: alerts go to webhooks and events only');
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.serial.idle();
  }

  /** A timer's pass, unless one is already waiting to run. */
  private tick(): void {
    this.serial
      .request(() => this.pass())
      ?.catch((err: unknown) =>
        this.logger.warn({ err }, 'alert pass failed; trying again next pass'),
      );
  }

  /** One pass, after any pass already running: raise what is due, then send what is pending. */
  runOnce(): Promise<{ raised: number; delivered: number; failed: number }> {
    return this.serial.run(() => this.pass());
  }

  private async pass(): Promise<{ raised: number; delivered: number; failed: number }> {
    let raised = 0;
    for (let n = RAISE_BATCH; n === RAISE_BATCH; raised += n) n = await this.raiseDue();
    const sent = await this.deliverPending();
    if (raised + sent.delivered + sent.failed > 0) {
      this.logger.log({ raised, ...sent }, 'alert pass');
      this.relay.nudge();
    }
    return { raised, ...sent };
  }

  /**
   * Raise up to one batch of due alerts, set-based (a handful of statements
   * for the batch); returns how many were taken.
   */
  async raiseDue(): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const due: DueRow[] = await m.query(
        `SELECT a.key, a.item_id, a.reason, a.due_date::text AS due_date, a.fire_at, a.planned_at,
                w.kind, w.actor, w.action, w.status, w.owner, w.due_date::text AS current_due
         FROM ${this.s}.alerts a JOIN ${this.s}.watched_deadlines w ON w.item_id = a.item_id
         WHERE a.raised_at IS NULL AND a.fire_at <= $1
         ORDER BY a.fire_at LIMIT ${RAISE_BATCH}
         FOR UPDATE OF a SKIP LOCKED`,
        [now.toISOString()],
      );
      // Planned before the item closed or moved (the re-plan normally removes those).
      const stale = due.filter((r) => CLOSED.includes(r.status) || r.current_due !== r.due_date);
      if (stale.length > 0) {
        await m.query(`DELETE FROM ${this.s}.alerts WHERE key = ANY($1::text[])`, [
          stale.map((r) => r.key),
        ]);
      }
      const live = due.filter((r) => !stale.includes(r));
      if (live.length === 0) return due.length;
      const recipients = await this.recipients(m, live);
      const raised = live.map((row) => this.raisedData(row, recipients.get(row.key)!.length, now));
      await m.query(
        `UPDATE ${this.s}.alerts a SET raised_at = $1, late = r.late, payload = r.payload
         FROM unnest($2::text[], $3::boolean[], $4::jsonb[]) AS r(key, late, payload) WHERE a.key = r.key`,
        [
          now.toISOString(),
          raised.map((d) => d.alertKey),
          raised.map((d) => d.late),
          raised.map((d) => JSON.stringify(d)),
        ],
      );
      const deliveries = live.flatMap((row) => recipients.get(row.key)!.map((to) => ({ row, to })));
      if (deliveries.length > 0) {
        await m.query(
          `INSERT INTO ${this.s}.deliveries (alert_key, item_id, channel, target, secret, status, next_attempt_at)
           SELECT k, i, c, t, s, 'pending', $1 FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS r(k, i, c, t, s)
           ON CONFLICT DO NOTHING`,
          [
            now.toISOString(),
            deliveries.map((d) => d.row.key),
            deliveries.map((d) => d.row.item_id),
            deliveries.map((d) => d.to.channel),
            deliveries.map((d) => d.to.target),
            deliveries.map((d) => d.to.secret),
          ],
        );
      }
      await this.outbox.appendMany(
        m,
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
      await this.planner.replanMany(m, [...reminded.values()]);
      return due.length;
    });
  }

  private raisedData(row: DueRow, recipients: number, now: Date): AlertRaisedData {
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

  /**
   * Each alert's recipients: subscribers whose filter matches (an empty
   * filter matches everything), and the item's owner when an email address.
   */
  private async recipients(m: EntityManager, rows: DueRow[]): Promise<Map<string, Recipient[]>> {
    const matches: (Recipient & { key: string })[] = await m.query(
      `SELECT DISTINCT r.key, s.channel, s.target, s.secret
       FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) AS r(key, actor, kind, item)
       JOIN ${this.s}.subscriptions s
         ON (cardinality(s.actors) = 0 OR lower(r.actor) = ANY(s.actors))
        AND (cardinality(s.kinds) = 0 OR r.kind = ANY(s.kinds))
        AND (cardinality(s.items) = 0 OR r.item = ANY(s.items))
       ORDER BY r.key, s.channel, s.target`,
      [
        rows.map((r) => r.key),
        rows.map((r) => r.actor),
        rows.map((r) => r.kind),
        rows.map((r) => r.item_id),
      ],
    );
    const out = new Map<string, Recipient[]>(rows.map((r) => [r.key, []]));
    for (const { key, ...to } of matches) out.get(key)!.push(to);
    for (const row of rows) {
      const list = out.get(row.key)!;
      const owner = row.owner?.trim();
      if (
        owner &&
        EMAIL.test(owner) &&
        !list.some((s) => s.channel === 'email' && s.target === owner)
      ) {
        list.push({ channel: 'email', target: owner, secret: null });
      }
      // Without an SMTP server there is no email to send (said once at start-up).
      if (!this.options.smtpUrl)
        out.set(
          row.key,
          list.filter((s) => s.channel !== 'email'),
        );
    }
    return out;
  }

  /** Send what is pending and due for an attempt; returns what was delivered and given up. */
  async deliverPending(): Promise<{ delivered: number; failed: number }> {
    const totals = { delivered: 0, failed: 0 };
    for (;;) {
      const batch = await this.dataSource.transaction(async (m) => {
        const now = this.clock.now();
        const rows: (Recipient & { id: string; attempts: number; payload: AlertRaisedData })[] =
          await m.query(
            `SELECT d.id, d.channel, d.target, d.secret, d.attempts, a.payload
             FROM ${this.s}.deliveries d JOIN ${this.s}.alerts a ON a.key = d.alert_key
             WHERE d.status = 'pending' AND d.next_attempt_at <= $1
             ORDER BY d.next_attempt_at LIMIT ${SEND_BATCH}
             FOR UPDATE OF d SKIP LOCKED`,
            [now.toISOString()],
          );
        // Sent while their rows are locked: no other pass can send them meanwhile.
        const results = await Promise.all(
          rows.map((r) =>
            this.channels.send(r.payload, r).then(
              () => null,
              (err: Error) => err.message,
            ),
          ),
        );
        for (const [i, r] of rows.entries()) {
          const attempts = r.attempts + 1;
          const error = results[i];
          const event = {
            alertKey: r.payload.alertKey,
            itemId: r.payload.itemId,
            channel: r.channel,
            // Streamed to every signed-in user: a reference, not the address.
            target: recipientRef(r.channel, r.target),
            attempts,
          };
          const outcome =
            error === null
              ? 'delivered'
              : attempts >= this.options.maxAttempts
                ? 'failed'
                : 'retry';
          alertDeliveries.inc({ channel: r.channel, outcome });
          if (error === null) {
            totals.delivered++;
            await m.query(
              `UPDATE ${this.s}.deliveries SET status = 'delivered', attempts = $2, delivered_at = $3, last_error = NULL WHERE id = $1`,
              [r.id, attempts, now.toISOString()],
            );
            await this.outbox.append(
              m,
              ALERT_DELIVERED,
              { ...event, deliveredAt: now.toISOString() },
              {
                id: `alert-delivered:${r.id}`,
                subject: `items/${r.payload.itemId}`,
              },
            );
          } else if (attempts >= this.options.maxAttempts) {
            totals.failed++;
            this.logger.warn(
              { alert: r.payload.alertKey, delivery: r.id, attempts, error: failureKind(error) },
              'alert delivery given up',
            );
            await m.query(
              `UPDATE ${this.s}.deliveries SET status = 'failed', attempts = $2, last_error = $3 WHERE id = $1`,
              [r.id, attempts, error],
            );
            await this.outbox.append(
              m,
              ALERT_FAILED,
              { ...event, error: failureKind(error), failedAt: now.toISOString() },
              {
                id: `alert-failed:${r.id}`,
                subject: `items/${r.payload.itemId}`,
              },
            );
          } else {
            const wait = this.options.backoffMs * 2 ** (attempts - 1);
            await m.query(
              `UPDATE ${this.s}.deliveries SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1`,
              [r.id, attempts, error, new Date(now.getTime() + wait).toISOString()],
            );
          }
        }
        return rows.length;
      });
      if (batch < SEND_BATCH) return totals;
    }
  }
}
