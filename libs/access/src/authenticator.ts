import {
  ForbiddenException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { bearer, ExpiringCache } from '@ct/platform';
import { setTimeout as sleep } from 'node:timers/promises';
import { TOKEN_ALGORITHM, TOKEN_ISSUER, type AccessClaims } from '@ct/contracts';
import { ACCESS_OPTIONS, type AccessOptions } from './access.options';
import { ALL_ROLES, type AccessPolicy, type Caller } from './caller';
import type { PrincipalEntity } from './principal.entity';
import { PrincipalsRepository } from './principals.repository';

export interface CredentialRequest {
  headers: Record<string, string | string[] | undefined>;
  query?: Record<string, unknown>;
}

const POLL_MS = 150;

/**
 * Turns a request's credential into a Caller, checked against the principal's
 * current state: a disabled or deleted user, a token issued before the user
 * last changed, or a revoked key is refused at the next request (after the
 * brief cache), not when the token expires.
 */
@Injectable()
export class Authenticator {
  private readonly jwt = new JwtService();
  private readonly cache: ExpiringCache<PrincipalEntity | null>;
  private readonly waiting = new Map<string, Promise<PrincipalEntity | null>>();
  private readonly waitMs: number;

  constructor(
    private readonly principals: PrincipalsRepository,
    @Inject(ACCESS_OPTIONS) private readonly options: AccessOptions,
  ) {
    this.cache = new ExpiringCache(options.cacheMs ?? 2000);
    this.waitMs = options.unknownUserWaitMs ?? 5000;
  }

  async authenticate(req: CredentialRequest, policy: AccessPolicy = {}): Promise<Caller> {
    const token =
      bearer(req.headers.authorization) ?? (policy.queryToken ? queryToken(req) : undefined);
    const apiKey = req.headers['x-api-key'];
    const caller =
      token !== undefined
        ? await this.fromToken(token)
        : typeof apiKey === 'string' && apiKey.length > 0
          ? await this.fromApiKey(apiKey)
          : null;
    if (!caller) {
      throw new UnauthorizedException(
        'sign in to the commitments service (POST /auth/login) and send its token as "Authorization: Bearer <token>", or send an API key as "X-API-Key"',
      );
    }
    permit(caller, policy);
    return caller;
  }

  private async fromToken(token: string): Promise<Caller> {
    const publicKey = this.options.publicKey;
    if (!publicKey) {
      throw new ServiceUnavailableException(
        `sign-in tokens need JWT_PUBLIC_KEY set on the ${this.options.service} service (API keys work without it)`,
      );
    }
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        publicKey,
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: this.options.service,
      });
    } catch {
      throw new UnauthorizedException('invalid or expired token; sign in again');
    }
    const row = await this.userOf(claims.sub);
    if (!row || row.kind !== 'user') {
      throw new UnauthorizedException(
        `this account is not known to the ${this.options.service} service`,
      );
    }
    if (!row.active) throw new UnauthorizedException('this account is disabled or deleted');
    if (row.version !== claims.ver) {
      throw new UnauthorizedException('your account changed since you signed in; sign in again');
    }
    return {
      id: row.id,
      kind: 'user',
      name: row.name,
      role: row.role,
      actors: row.actors,
      scopes: [],
    };
  }

  private async fromApiKey(key: string): Promise<Caller> {
    const hash = createHash('sha256').update(key).digest('hex');
    const row = await this.cache.get(`key:${hash}`, () => this.principals.byKeyHash(hash));
    if (!row || row.kind !== 'api-key' || !row.active) {
      throw new UnauthorizedException('unknown or revoked API key');
    }
    return {
      id: row.id,
      kind: 'api-key',
      name: `api-key:${row.name}`,
      role: row.role,
      actors: row.actors,
      scopes: row.scopes,
    };
  }

  /**
   * A user created a moment ago may not be announced yet: wait a little for
   * them. Requests for the same unknown id share one wait.
   */
  private async userOf(id: string): Promise<PrincipalEntity | null> {
    const found = await this.cache.get(`id:${id}`, () => this.principals.byId(id));
    if (found) return found;
    let wait = this.waiting.get(id);
    if (!wait) {
      wait = this.awaitUser(id).finally(() => this.waiting.delete(id));
      this.waiting.set(id, wait);
    }
    return wait;
  }

  private async awaitUser(id: string): Promise<PrincipalEntity | null> {
    const until = Date.now() + this.waitMs;
    while (Date.now() < until) {
      await sleep(POLL_MS);
      const row = await this.principals.byId(id);
      if (row) {
        this.cache.set(`id:${id}`, row);
        return row;
      }
    }
    this.cache.delete(`id:${id}`);
    return null;
  }
}

/** 403 unless the policy lets this caller in. */
export function permit(caller: Caller, policy: AccessPolicy): void {
  if (caller.kind === 'user') {
    const roles = policy.roles ?? ALL_ROLES;
    if (roles.includes(caller.role)) return;
    throw new ForbiddenException(
      policy.refusal ?? `this needs the ${roles.join(' or ')} role; you are ${caller.role}`,
    );
  }
  const scopes = policy.scopes ?? [];
  if (scopes.some((s) => caller.scopes.includes(s))) return;
  throw new ForbiddenException(
    scopes.length === 0
      ? 'API keys cannot use this; sign in as a user'
      : `this API key needs the ${scopes.join(' or ')} scope`,
  );
}

function queryToken(req: CredentialRequest): string | undefined {
  const t = req.query?.access_token;
  return typeof t === 'string' && t.length > 0 ? t : undefined;
}
