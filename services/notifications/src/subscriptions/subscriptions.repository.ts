import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { quoteIdent, returnedRows, type Transaction } from '@ct/persistence';
import { SCHEMA } from '../config/notifications.env';
import type { Recipient } from '../deliveries/channels';
import { filterMatches } from './subscription-filter';

export interface Subscription {
  id: string;
  subscriber: string;
  channel: 'email' | 'webhook';
  target: string;
  actors: string[];
  kinds: string[];
  items: string[];
  /** Whether a weekly digest goes to this (email) subscription, and when the last did. */
  digest: boolean;
  digest_sent_at: Date | null;
  created_at: Date;
}

export type NewSubscription = Omit<Subscription, 'id' | 'created_at' | 'digest_sent_at'> & {
  secret: string | null;
};

/** A digest claimed for sending: the subscription, and when its previous digest went out. */
export type ClaimedDigest = Pick<Subscription, 'id' | 'target' | 'actors' | 'kinds' | 'items'> & {
  previous: Date | null;
};

/** What an alert is about, as subscription filters see it. */
export interface AlertSubject {
  key: string;
  actor: string;
  kind: string;
  itemId: string;
}

const COLUMNS =
  'id, subscriber, channel, target, actors, kinds, items, digest, digest_sent_at, created_at';

/** Who subscribes to which alerts (`subscriptions`, only here). Secrets are read only to send. */
@Injectable()
export class SubscriptionsRepository {
  private readonly table = `${quoteIdent(SCHEMA)}.subscriptions`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(s: NewSubscription): Promise<Subscription> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO ${this.table} (subscriber, channel, target, secret, actors, kinds, items, digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [s.subscriber, s.channel, s.target, s.secret, s.actors, s.kinds, s.items, s.digest],
    )) as Subscription[];
    return row;
  }

  /** Everyone's subscriptions, or one subscriber's, oldest first. */
  list(subscriber: string | null): Promise<Subscription[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.table}
       WHERE $1::text IS NULL OR subscriber = $1 ORDER BY created_at`,
      [subscriber],
    );
  }

  async findOne(id: string): Promise<Subscription | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1`,
      [id],
    )) as Subscription[];
    return row ?? null;
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${this.table} WHERE id = $1`, [id]);
  }

  /**
   * The subscribers of each alert: those whose filter matches it (an empty
   * filter matches everything), once each, by alert key.
   */
  async subscribersOf(
    tx: Transaction,
    alerts: AlertSubject[],
  ): Promise<(Recipient & { key: string })[]> {
    if (alerts.length === 0) return [];
    return tx.query(
      `SELECT DISTINCT r.key, s.channel, s.target, s.secret
       FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) AS r(key, actor, kind, item)
       JOIN ${this.table} s
         ON ${filterMatches(
           { actors: 's.actors', kinds: 's.kinds', items: 's.items' },
           { actor: 'r.actor', kind: 'r.kind', id: 'r.item' },
         )}
       ORDER BY r.key, s.channel, s.target`,
      [
        alerts.map((a) => a.key),
        alerts.map((a) => a.actor),
        alerts.map((a) => a.kind),
        alerts.map((a) => a.itemId),
      ],
    );
  }

  /**
   * Claims up to `limit` digests that are due (never sent, or last sent at
   * `dueBefore` or earlier) by marking them sent at `now`, and commits: a
   * second replica's pass skips them (SKIP LOCKED, then the new time).
   */
  async claimDigests(now: Date, dueBefore: Date, limit: number): Promise<ClaimedDigest[]> {
    const result: unknown = await this.dataSource.query(
      `UPDATE ${this.table} s SET digest_sent_at = $1
       FROM (SELECT id, digest_sent_at AS previous FROM ${this.table}
             WHERE digest AND channel = 'email'
               AND (digest_sent_at IS NULL OR digest_sent_at <= $2)
             ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) c
       WHERE s.id = c.id
       RETURNING s.id, s.target, s.actors, s.kinds, s.items, c.previous`,
      [now.toISOString(), dueBefore.toISOString(), limit],
    );
    return returnedRows<ClaimedDigest>(result);
  }

  /** Gives a claimed digest back (its sending failed), unless another pass has claimed it since. */
  async releaseDigest(id: string, claimedAt: Date, previous: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET digest_sent_at = $3 WHERE id = $1 AND digest_sent_at = $2`,
      [id, claimedAt.toISOString(), previous?.toISOString() ?? null],
    );
  }
}
