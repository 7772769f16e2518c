import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { quoteIdent } from '@ct/persistence';
import { SCHEMA } from '../config/dashboard.env';

export interface CalendarLink {
  id: string;
  userId: string;
  actor: string | null;
  kind: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

interface Row {
  id: string;
  user_id: string;
  actor: string | null;
  kind: string | null;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

const link = (r: Row): CalendarLink => ({
  id: r.id,
  userId: r.user_id,
  actor: r.actor,
  kind: r.kind,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

/** The calendar_links table: the only code that touches it. */
@Injectable()
export class CalendarLinksRepository {
  private readonly table = `${quoteIdent(SCHEMA)}.calendar_links`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(l: {
    userId: string;
    tokenHash: string;
    actor: string | null;
    kind: string | null;
    expiresAt: Date;
  }): Promise<CalendarLink> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO ${this.table} (user_id, token_hash, actor, kind, expires_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [l.userId, l.tokenHash, l.actor, l.kind, l.expiresAt.toISOString()],
    )) as Row[];
    return link(row);
  }

  /** The link a token opens while it holds: not revoked, not expired. */
  async usable(tokenHash: string, now: Date): Promise<CalendarLink | null> {
    const [row] = (await this.dataSource.query(
      `SELECT * FROM ${this.table} WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [tokenHash, now.toISOString()],
    )) as Row[];
    return row ? link(row) : null;
  }

  async byUser(userId: string | null): Promise<CalendarLink[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM ${this.table} ${userId ? 'WHERE user_id = $1' : ''} ORDER BY created_at`,
      userId ? [userId] : [],
    )) as Row[];
    return rows.map(link);
  }

  async byId(id: string): Promise<CalendarLink | null> {
    const [row] = (await this.dataSource.query(`SELECT * FROM ${this.table} WHERE id = $1`, [
      id,
    ])) as Row[];
    return row ? link(row) : null;
  }

  async revoke(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
  }
}
