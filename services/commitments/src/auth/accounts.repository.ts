import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { PRINCIPAL_CHANGED, type ApiKeyScope, type PrincipalChangedData } from '@ct/contracts';
import { OutboxWriter } from '@ct/messaging';
import { quoteIdent } from '@ct/persistence';
import { AccessAuditEntity } from './entities/access-audit.entity';
import { ApiKeyEntity } from './entities/api-key.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import type { Role } from './principal';

export interface UserChange {
  role?: Role;
  actors?: string[];
  disabled?: boolean;
}

/**
 * Users, API keys and the audit of changes to them: the only code that
 * touches those tables. Every change is audited and announced
 * (principal.changed) in its own transaction, so the other services learn of
 * it exactly when it is committed.
 */
@Injectable()
export class AccountsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  userByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  user(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  users(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ order: { createdAt: 'ASC' } });
  }

  adminExists(): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).existsBy({ role: 'admin' });
  }

  activeKey(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ keyHash, revokedAt: IsNull() });
  }

  apiKeys(): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'ASC' } });
  }

  audit(targetId?: string, limit = 200): Promise<AccessAuditEntity[]> {
    return this.dataSource.getRepository(AccessAuditEntity).find({
      where: targetId ? { targetId } : {},
      order: { id: 'DESC' },
      take: limit,
    });
  }

  /** Seconds until this account may try to sign in again; 0 when it may now. */
  async loginLockedFor(account: string, now: Date): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM locked_until - $2::timestamptz))::int AS wait
         FROM ${this.schema}.login_failures WHERE account = $1 AND locked_until > $2`,
      [account, now.toISOString()],
    )) as { wait: number }[];
    return row?.wait ?? 0;
  }

  /**
   * Count a failed sign-in in one statement (replicas race safely): failures
   * within `windowMs` of the first add up, and reaching `max` locks the
   * account for `lockMs`.
   */
  async recordLoginFailure(
    account: string,
    now: Date,
    o: { max: number; windowMs: number; lockMs: number },
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.schema}.login_failures AS f (account, failures, first_failed_at, locked_until)
       VALUES ($1, 1, $2, CASE WHEN $3 <= 1 THEN $2::timestamptz + $5 * interval '1 millisecond' END)
       ON CONFLICT (account) DO UPDATE SET
         failures = CASE WHEN f.first_failed_at < $2::timestamptz - $4 * interval '1 millisecond' THEN 1 ELSE f.failures + 1 END,
         first_failed_at = CASE WHEN f.first_failed_at < $2::timestamptz - $4 * interval '1 millisecond' THEN $2 ELSE f.first_failed_at END,
         locked_until = CASE
           WHEN (CASE WHEN f.first_failed_at < $2::timestamptz - $4 * interval '1 millisecond' THEN 1 ELSE f.failures + 1 END) >= $3
           THEN $2::timestamptz + $5 * interval '1 millisecond'
           ELSE f.locked_until END`,
      [account, now.toISOString(), o.max, o.windowMs, o.lockMs],
    );
  }

  async clearLoginFailures(account: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${this.schema}.login_failures WHERE account = $1`, [
      account,
    ]);
  }

  private get schema(): string {
    return quoteIdent(this.dataSource.getMetadata(UserEntity).schema ?? 'public');
  }

  async createRefreshToken(
    userId: string,
    userVersion: number,
    tokenHash: string,
    expiresAt: Date,
  ) {
    await this.dataSource
      .getRepository(RefreshTokenEntity)
      .insert({ userId, userVersion, tokenHash, expiresAt });
  }

  /** The user a refresh token signs in, while it is good: not expired, not signed out, user unchanged. */
  async refreshable(tokenHash: string, now: Date): Promise<UserEntity | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM ${this.table(RefreshTokenEntity)} r JOIN ${this.table(UserEntity)} u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.revoked_at IS NULL AND r.expires_at > $2
          AND u.disabled_at IS NULL AND u.version = r.user_version`,
      [tokenHash, now.toISOString()],
    );
    return rows.length ? this.user(rows[0].id) : null;
  }

  async revokeRefreshToken(tokenHash: string): Promise<void> {
    await this.dataSource
      .getRepository(RefreshTokenEntity)
      .update({ tokenHash, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private table(entity: typeof RefreshTokenEntity | typeof UserEntity): string {
    return this.dataSource.getMetadata(entity).tablePath;
  }

  /** A new password hash for the same password (stronger parameters): not a change to access. */
  async rehash(id: string, passwordHash: string): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id }, { passwordHash });
  }

  createUser(
    by: string,
    u: { email: string; passwordHash: string; role: Role; actors: string[] },
  ): Promise<UserEntity> {
    return this.dataSource.transaction(async (m) => {
      const users = m.getRepository(UserEntity);
      const saved = await users.save(users.create(u));
      await this.record(m, by, 'user.created', saved.id, {
        email: u.email,
        role: u.role,
        actors: u.actors,
      });
      await this.announce(m, [userState(saved)]);
      return saved;
    });
  }

  /** The changed user, or null when there is none with this id. */
  updateUser(by: string, id: string, change: UserChange): Promise<UserEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const users = m.getRepository(UserEntity);
      const user = await users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) return null;
      const staysAdmin =
        (change.role ?? user.role) === 'admin' && !(change.disabled ?? user.disabledAt !== null);
      if (!staysAdmin) await this.keepAnAdmin(m, user);
      if (change.role) user.role = change.role;
      if (change.actors) user.actors = change.actors;
      if (change.disabled !== undefined) {
        user.disabledAt = change.disabled ? (user.disabledAt ?? new Date()) : null;
      }
      user.version += 1;
      const saved = await users.save(user);
      await this.record(m, by, 'user.changed', id, { ...change });
      await this.announce(m, [userState(saved)]);
      return saved;
    });
  }

  /** True when a user was deleted. */
  deleteUser(by: string, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const users = m.getRepository(UserEntity);
      const user = await users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) return false;
      await this.keepAnAdmin(m, user);
      await users.delete({ id });
      await this.record(m, by, 'user.deleted', id, { email: user.email });
      await this.announce(m, [{ ...userState(user), version: user.version + 1, active: false }]);
      return true;
    });
  }

  createApiKey(
    by: string,
    k: { name: string; keyHash: string; role: Role; actors: string[]; scopes: ApiKeyScope[] },
  ): Promise<ApiKeyEntity> {
    return this.dataSource.transaction(async (m) => {
      const keys = m.getRepository(ApiKeyEntity);
      const saved = await keys.save(keys.create(k));
      await this.record(m, by, 'api-key.created', saved.id, {
        name: k.name,
        role: k.role,
        actors: k.actors,
        scopes: k.scopes,
      });
      await this.announce(m, [keyState(saved)]);
      return saved;
    });
  }

  /** The revoked key (revoking twice changes nothing), or null when there is none with this id. */
  revokeApiKey(by: string, id: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const keys = m.getRepository(ApiKeyEntity);
      const key = await keys.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key || key.revokedAt) return key;
      key.revokedAt = new Date();
      key.version += 1;
      const saved = await keys.save(key);
      await this.record(m, by, 'api-key.revoked', id, { name: key.name });
      await this.announce(m, [keyState(saved)]);
      return saved;
    });
  }

  /**
   * Announce every user and key as it is now. Run at start: the other
   * services ignore what they already have, and catch up on anything from
   * before they listened.
   */
  announceAll(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const users = await m.getRepository(UserEntity).find();
      const keys = await m.getRepository(ApiKeyEntity).find();
      const states = [...users.map(userState), ...keys.map(keyState)];
      await this.announce(m, states);
      return states.length;
    });
  }

  /** 409 when this change would leave no active admin. */
  private async keepAnAdmin(m: EntityManager, user: UserEntity): Promise<void> {
    if (user.role !== 'admin' || user.disabledAt) return;
    const admins = await m
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where("u.role = 'admin' AND u.disabled_at IS NULL")
      .getMany();
    if (admins.length <= 1) {
      throw new ConflictException('this is the last active admin: make another admin first');
    }
  }

  private async record(
    m: EntityManager,
    by: string,
    action: string,
    targetId: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    const audit = m.getRepository(AccessAuditEntity);
    await audit.save(audit.create({ byPrincipal: by, action, targetId, detail }));
  }

  private async announce(m: EntityManager, states: PrincipalChangedData[]): Promise<void> {
    await this.outbox.appendMany(
      m,
      PRINCIPAL_CHANGED,
      states.map((data) => ({ data })),
    );
  }
}

function userState(u: UserEntity): PrincipalChangedData {
  return {
    principalId: u.id,
    kind: 'user',
    version: u.version,
    active: u.disabledAt === null,
    name: u.email,
    role: u.role,
    actors: u.actors,
    scopes: [],
    keyHash: null,
    changedAt: new Date().toISOString(),
  };
}

function keyState(k: ApiKeyEntity): PrincipalChangedData {
  return {
    principalId: k.id,
    kind: 'api-key',
    version: k.version,
    active: k.revokedAt === null,
    name: k.name,
    role: k.role,
    actors: k.actors,
    scopes: k.scopes,
    keyHash: k.keyHash,
    changedAt: new Date().toISOString(),
  };
}
