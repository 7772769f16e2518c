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
import { CLOCK, type Clock } from '../clock/clock';
import { SCHEMA } from '../config/notifications.env';
import { Channels, type Recipient } from '../deliveries/channels';
import { daysUntil } from './alert-rules';
import { AlertPlanner, CLOSED } from './alert-planner';
import { ALERTS_OPTIONS, type AlertsOptions } from './alerts.options';

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
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = false;

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
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.tail;
  }

  /** A timer's pass, unless one is already waiting to run. */
  private async tick(): Promise<void> {
    if (this.waiting) return;
    this.waiting = true;
    await this.runOnce().catch((err: unknown) =>
      this.logger.warn({ err }, 'alert pass failed; trying again next pass'),
    );
  }

  /** One pass, after any pass already running: raise what is due, then send what is pending. */
  runOnce(): Promise<{ raised: number; delivered: number; failed: number }> {
    const result = this.tail.then(() => {
      this.waiting = false;
      return this.pass();
    });
    this.tail = result.catch(() => undefined);
    return result;
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

  /** Raise up to one batch of due alerts; returns how many. */
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
      for (const row of due) await this.raise(m, row, now);
      return due.length;
    });
  }

  private async raise(m: EntityManager, row: DueRow, now: Date): Promise<void> {
    if (CLOSED.includes(row.status) || row.current_due !== row.due_date) {
      // Planned before the item closed or moved (the re-plan normally removes it).
      await m.query(`DELETE FROM ${this.s}.alerts WHERE key = $1`, [row.key]);
      return;
    }
    const recipients = await this.recipients(m, row);
    const since = Math.max(row.fire_at.getTime(), row.planned_at.getTime());
    const data: AlertRaisedData = {
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
      recipients: recipients.length,
    };
    await m.query(
      `UPDATE ${this.s}.alerts SET raised_at = $2, late = $3, payload = $4 WHERE key = $1`,
      [row.key, now.toISOString(), data.late, JSON.stringify(data)],
    );
    if (recipients.length > 0) {
      await m.query(
        `INSERT INTO ${this.s}.deliveries (alert_key, item_id, channel, target, secret, status, next_attempt_at)
         SELECT $1, $2, c, t, s, 'pending', $3 FROM unnest($4::text[], $5::text[], $6::text[]) AS r(c, t, s)
         ON CONFLICT DO NOTHING`,
        [
          row.key,
          row.item_id,
          now.toISOString(),
          recipients.map((r) => r.channel),
          recipients.map((r) => r.target),
          recipients.map((r) => r.secret),
        ],
      );
    }
    await this.outbox.append(m, ALERT_RAISED, data, {
      id: `alert:${row.key}`,
      subject: `items/${row.item_id}`,
    });
    // The next overdue reminder.
    if (row.reason.startsWith('overdue:')) {
      await this.planner.replan(m, {
        itemId: row.item_id,
        status: row.status,
        dueDate: row.due_date,
      });
    }
  }

  /** Subscribers whose filter matches (empty filter: everything), and the owner when an email address. */
  private async recipients(m: EntityManager, row: DueRow): Promise<Recipient[]> {
    const subs: Recipient[] = await m.query(
      `SELECT DISTINCT channel, target, secret FROM ${this.s}.subscriptions
       WHERE (cardinality(actors) = 0 OR lower($1) = ANY(actors))
         AND (cardinality(kinds) = 0 OR $2 = ANY(kinds))
         AND (cardinality(items) = 0 OR $3::uuid = ANY(items))
       ORDER BY channel, target`,
      [row.actor, row.kind, row.item_id],
    );
    const owner = row.owner?.trim();
    if (
      owner &&
      EMAIL.test(owner) &&
      !subs.some((s) => s.channel === 'email' && s.target === owner)
    ) {
      subs.push({ channel: 'email', target: owner, secret: null });
    }
    return subs;
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
            target: r.target,
            attempts,
          };
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
              { alert: r.payload.alertKey, target: r.target, attempts, error },
              'alert delivery given up',
            );
            await m.query(
              `UPDATE ${this.s}.deliveries SET status = 'failed', attempts = $2, last_error = $3 WHERE id = $1`,
              [r.id, attempts, error],
            );
            await this.outbox.append(
              m,
              ALERT_FAILED,
              { ...event, error, failedAt: now.toISOString() },
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
