import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AlertRaisedData } from '@ct/contracts';
import { quoteIdent, returnedRows, type Transaction } from '@ct/persistence';
import { SCHEMA } from '../config/notifications.env';
import type { Recipient } from '../deliveries/channels';

/** An alert that has fallen due, with its item's current state. */
export interface DueAlert {
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
  /** The item's due date now (the alert's may be older). */
  current_due: string | null;
}

export interface PlannedRow {
  key: string;
  itemId: string;
  reason: string;
  dueDate: string;
  fireAt: Date;
}

/** A delivery claimed for sending, with the alert it carries. */
export interface ClaimedDelivery extends Recipient {
  id: string;
  attempts: number;
  payload: AlertRaisedData;
  /** The claim: the delivery's next attempt time while it is being sent. */
  claimedUntil: Date;
}

export type DeliveryResult =
  | { status: 'delivered'; at: Date }
  | { status: 'failed'; error: string }
  | { status: 'retry'; error: string; nextAttemptAt: Date };

/**
 * Alerts and their deliveries (`alerts`, `deliveries`): the only code on
 * those tables. Due alerts are read with the item's current state from
 * `watched_deadlines`.
 */
@Injectable()
export class AlertsRepository {
  private readonly s = quoteIdent(SCHEMA);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // --- planning ---

  /** Drop these items' unraised alerts except the wanted keys (keys name their item). */
  async dropUnraisedExcept(tx: Transaction, itemIds: string[], keep: string[]): Promise<void> {
    await tx.query(
      `DELETE FROM ${this.s}.alerts WHERE item_id = ANY($1::uuid[]) AND raised_at IS NULL
         AND NOT (key = ANY($2::text[]))`,
      [itemIds, keep],
    );
  }

  /** Plan these alerts; a key already planned or raised stays as it is. */
  async plan(tx: Transaction, now: Date, alerts: PlannedRow[]): Promise<void> {
    if (alerts.length === 0) return;
    await tx.query(
      `INSERT INTO ${this.s}.alerts (key, item_id, reason, due_date, fire_at, planned_at)
       SELECT k, i, r, d, f, $1 FROM unnest($2::text[], $3::uuid[], $4::text[], $5::date[], $6::timestamptz[])
         AS a(k, i, r, d, f)
       ON CONFLICT (key) DO NOTHING`,
      [
        now.toISOString(),
        alerts.map((a) => a.key),
        alerts.map((a) => a.itemId),
        alerts.map((a) => a.reason),
        alerts.map((a) => a.dueDate),
        alerts.map((a) => a.fireAt.toISOString()),
      ],
    );
  }

  /** The number of the last overdue reminder raised for each item's due date. */
  async lastOverdueRaised(
    tx: Transaction,
    items: { itemId: string; dueDate: string }[],
  ): Promise<Map<string, number>> {
    if (items.length === 0) return new Map();
    const rows = (await tx.query(
      `SELECT a.item_id, max(split_part(a.reason, ':', 2)::int) AS n
       FROM ${this.s}.alerts a JOIN unnest($1::uuid[], $2::date[]) AS w(item_id, due_date)
         ON a.item_id = w.item_id AND a.due_date = w.due_date
       WHERE a.reason LIKE 'overdue:%' AND a.raised_at IS NOT NULL
       GROUP BY a.item_id`,
      [items.map((i) => i.itemId), items.map((i) => i.dueDate)],
    )) as { item_id: string; n: number }[];
    return new Map(rows.map((r) => [r.item_id, r.n]));
  }

  // --- raising ---

  /**
   * Up to `limit` unraised alerts due by `now`, oldest first, locked: rows
   * another transaction holds are skipped, so two passes never take one alert.
   */
  claimDue(tx: Transaction, now: Date, limit: number): Promise<DueAlert[]> {
    return tx.query(
      `SELECT a.key, a.item_id, a.reason, a.due_date::text AS due_date, a.fire_at, a.planned_at,
              w.kind, w.actor, w.action, w.status, w.owner, w.due_date::text AS current_due
       FROM ${this.s}.alerts a JOIN ${this.s}.watched_deadlines w ON w.item_id = a.item_id
       WHERE a.raised_at IS NULL AND a.fire_at <= $1
       ORDER BY a.fire_at LIMIT ${Number(limit)}
       FOR UPDATE OF a SKIP LOCKED`,
      [now.toISOString()],
    );
  }

  async drop(tx: Transaction, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await tx.query(`DELETE FROM ${this.s}.alerts WHERE key = ANY($1::text[])`, [keys]);
  }

  /** Mark alerts raised, each with the payload its deliveries will carry. */
  async markRaised(tx: Transaction, now: Date, raised: AlertRaisedData[]): Promise<void> {
    if (raised.length === 0) return;
    await tx.query(
      `UPDATE ${this.s}.alerts a SET raised_at = $1, late = r.late, payload = r.payload
       FROM unnest($2::text[], $3::boolean[], $4::jsonb[]) AS r(key, late, payload) WHERE a.key = r.key`,
      [
        now.toISOString(),
        raised.map((d) => d.alertKey),
        raised.map((d) => d.late),
        raised.map((d) => JSON.stringify(d)),
      ],
    );
  }

  /** One pending delivery per alert and recipient, due at once. */
  async addDeliveries(
    tx: Transaction,
    now: Date,
    deliveries: { alertKey: string; itemId: string; to: Recipient }[],
  ): Promise<void> {
    if (deliveries.length === 0) return;
    await tx.query(
      `INSERT INTO ${this.s}.deliveries (alert_key, item_id, channel, target, secret, status, next_attempt_at)
       SELECT k, i, c, t, s, 'pending', $1 FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS r(k, i, c, t, s)
       ON CONFLICT DO NOTHING`,
      [
        now.toISOString(),
        deliveries.map((d) => d.alertKey),
        deliveries.map((d) => d.itemId),
        deliveries.map((d) => d.to.channel),
        deliveries.map((d) => d.to.target),
        deliveries.map((d) => d.to.secret),
      ],
    );
  }

  // --- delivering ---

  /**
   * Claim up to `limit` pending deliveries due by `now` and commit the
   * claim: each one's next attempt moves to `until`, so no other pass takes
   * it while it is being sent, and if this process dies mid-send it is due
   * again then. The claim commits before anything is sent: no row lock is
   * held while a receiver answers.
   */
  async claimDeliveries(now: Date, until: Date, limit: number): Promise<ClaimedDelivery[]> {
    const result: unknown = await this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM ${this.s}.deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1
         ORDER BY d.next_attempt_at LIMIT ${Number(limit)}
         FOR UPDATE SKIP LOCKED
       )
       UPDATE ${this.s}.deliveries d SET next_attempt_at = $2
       FROM due, ${this.s}.alerts a
       WHERE d.id = due.id AND a.key = d.alert_key
       RETURNING d.id::text AS id, d.channel, d.target, d.secret, d.attempts, a.payload,
         d.next_attempt_at AS "claimedUntil"`,
      [now.toISOString(), until.toISOString()],
    );
    return returnedRows<ClaimedDelivery>(result);
  }

  /**
   * Record a claimed delivery's attempt, if the claim still holds (a claim
   * that expired was taken over, and its new holder records instead).
   * Returns whether it was recorded.
   */
  async recordAttempt(
    tx: Transaction,
    d: ClaimedDelivery,
    attempts: number,
    result: DeliveryResult,
  ): Promise<boolean> {
    const set =
      result.status === 'delivered'
        ? `status = 'delivered', delivered_at = $4, last_error = NULL`
        : result.status === 'failed'
          ? `status = 'failed', last_error = $4`
          : `last_error = $4, next_attempt_at = $5`;
    const params: unknown[] = [
      d.id,
      d.claimedUntil.toISOString(),
      attempts,
      result.status === 'delivered' ? result.at.toISOString() : result.error,
      ...(result.status === 'retry' ? [result.nextAttemptAt.toISOString()] : []),
    ];
    const answer: unknown = await tx.query(
      `UPDATE ${this.s}.deliveries SET attempts = $3, ${set}
       WHERE id = $1 AND status = 'pending' AND next_attempt_at = $2::timestamptz
       RETURNING id`,
      params,
    );
    return returnedRows(answer).length > 0;
  }
}
