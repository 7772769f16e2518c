import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import {
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type AccessClaims,
  type ApiKeyScope,
} from '@ct/contracts';
import { isUniqueViolation } from '@ct/persistence';
import { ExpiringCache } from '@ct/platform';
import { AccountsRepository, type UserChange } from './accounts.repository';
import { AUTH_OPTIONS, type AuthOptions } from './auth.tokens';
import type { ApiKeyEntity } from './entities/api-key.entity';
import type { UserEntity } from './entities/user.entity';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { ROLES, type Principal, type Role } from './principal';

// Compared against when the email is unknown, so both paths cost one scrypt.
const DUMMY_HASH =
  'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Failed sign-ins of one account add up within this window. */
const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

/** How long a user's state is reused between requests; a revocation takes effect within it. */
const USER_CACHE_MS = 2000;

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  private readonly cache = new ExpiringCache<UserEntity | null>(USER_CACHE_MS);

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /**
   * Create the first admin from the environment, once, if there is no admin
   * yet; then announce every user and key, so services that joined later know them.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.accounts.adminExists())) {
      const { adminEmail, adminPassword } = this.options;
      if (adminEmail && adminPassword) {
        try {
          await this.createUser('system', adminEmail, adminPassword, 'admin', []);
          this.logger.log({ email: adminEmail }, 'first admin created');
        } catch (err) {
          // Replicas starting together all find no admin; the first insert wins.
          if (!isUniqueViolation(err)) throw err;
          this.logger.log({ email: adminEmail }, 'first admin created by another replica');
        }
      } else {
        this.logger.warn(
          'no admin exists; set ADMIN_EMAIL and ADMIN_PASSWORD to create one on start',
        );
      }
    }
    const n = await this.accounts.announceAll();
    this.logger.log({ principals: n }, 'users and API keys announced');
  }

  /**
   * A short-lived access token, and a refresh token (for the page's HttpOnly
   * cookie) that gets new ones until it expires, is signed out or the user changes.
   */
  async login(
    email: string,
    password: string,
  ): Promise<{ token: string; expiresIn: number; role: Role; refreshToken: string }> {
    // Counted per account in the database, so every replica sees the same tally;
    // unknown emails are counted alike and say nothing about who has an account.
    const account = email.trim().toLowerCase();
    const wait = await this.accounts.loginLockedFor(account, new Date());
    if (wait > 0) {
      throw new HttpException(
        `too many failed sign-ins for this account; try again in ${wait} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.accounts.userByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      await this.accounts.recordLoginFailure(account, new Date(), {
        max: this.options.loginFailuresPerAccount,
        windowMs: LOGIN_FAILURE_WINDOW_MS,
        lockMs: this.options.loginLockSeconds * 1000,
      });
      throw new UnauthorizedException('wrong email or password');
    }
    await this.accounts.clearLoginFailures(account);
    if (user.disabledAt) throw new UnauthorizedException('this account is disabled');
    // Hashes made with weaker parameters are replaced while the password is at hand.
    if (needsRehash(user.passwordHash)) {
      await this.accounts.rehash(user.id, await hashPassword(password));
    }
    const refreshToken = `ctr_${randomBytes(32).toString('base64url')}`;
    await this.accounts.createRefreshToken(
      user.id,
      user.version,
      sha256(refreshToken),
      new Date(Date.now() + this.options.refreshTtlSeconds * 1000),
    );
    return { ...(await this.accessToken(user)), refreshToken };
  }

  /** A new access token for the page's refresh token; 401 once it no longer holds. */
  async refresh(
    refreshToken: string | undefined,
  ): Promise<{ token: string; expiresIn: number; role: Role }> {
    const user = refreshToken
      ? await this.accounts.refreshable(sha256(refreshToken), new Date())
      : null;
    if (!user)
      throw new UnauthorizedException('not signed in, or the sign-in has expired: sign in again');
    return this.accessToken(user);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (refreshToken) await this.accounts.revokeRefreshToken(sha256(refreshToken));
  }

  private async accessToken(
    user: UserEntity,
  ): Promise<{ token: string; expiresIn: number; role: Role }> {
    const claims: AccessClaims = {
      sub: user.id,
      email: user.email,
      role: user.role,
      actors: user.actors,
      ver: user.version,
    };
    return {
      token: await this.jwt.signAsync(claims, {
        expiresIn: this.options.tokenTtlSeconds,
        issuer: TOKEN_ISSUER,
        audience: [...TOKEN_AUDIENCE],
      }),
      expiresIn: this.options.tokenTtlSeconds,
      role: user.role,
    };
  }

  /** The token's user as they are now: refused once disabled, deleted or changed since it was issued. */
  async fromToken(token: string): Promise<Principal> {
    let c: AccessClaims;
    try {
      c = await this.jwt.verifyAsync<AccessClaims>(token, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: 'commitments',
      });
      if (!ROLES.includes(c.role)) throw new Error('bad role');
    } catch {
      throw new UnauthorizedException('invalid or expired token; sign in again');
    }
    const user = await this.cache.get(c.sub, () => this.accounts.user(c.sub));
    if (!user || user.disabledAt)
      throw new UnauthorizedException('this account is disabled or deleted');
    if (user.version !== c.ver) {
      throw new UnauthorizedException('your account changed since you signed in; sign in again');
    }
    return { id: user.id, name: user.email, role: user.role, actors: user.actors, via: 'token' };
  }

  async fromApiKey(key: string): Promise<Principal> {
    const found = await this.accounts.activeKey(sha256(key));
    if (!found) throw new UnauthorizedException('unknown or revoked API key');
    return {
      id: found.id,
      name: `api-key:${found.name}`,
      role: found.role,
      actors: found.actors,
      via: 'api-key',
    };
  }

  async createUser(
    by: string,
    email: string,
    password: string,
    role: Role,
    actors: string[],
  ): Promise<UserEntity> {
    return this.accounts.createUser(by, {
      email,
      passwordHash: await hashPassword(password),
      role,
      actors,
    });
  }

  async updateUser(by: string, id: string, change: UserChange): Promise<UserEntity | null> {
    const user = await this.accounts.updateUser(by, id, change);
    this.cache.delete(id);
    return user;
  }

  async deleteUser(by: string, id: string): Promise<boolean> {
    const deleted = await this.accounts.deleteUser(by, id);
    this.cache.delete(id);
    return deleted;
  }

  /** A new API key; the key itself is shown once and only its hash is kept. */
  async createApiKey(
    by: string,
    name: string,
    role: Role,
    actors: string[],
    scopes: ApiKeyScope[],
  ): Promise<{ id: string; key: string }> {
    const key = `ctk_${randomBytes(24).toString('base64url')}`;
    const saved = await this.accounts.createApiKey(by, {
      name,
      keyHash: sha256(key),
      role,
      actors,
      scopes,
    });
    return { id: saved.id, key };
  }

  revokeApiKey(by: string, id: string): Promise<ApiKeyEntity | null> {
    return this.accounts.revokeApiKey(by, id);
  }

  listUsers(): Promise<UserEntity[]> {
    return this.accounts.users();
  }

  listApiKeys(): Promise<ApiKeyEntity[]> {
    return this.accounts.apiKeys();
  }

  audit(targetId?: string) {
    return this.accounts.audit(targetId);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
