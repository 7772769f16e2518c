import {
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { bearer, IS_PUBLIC } from '@ct/platform';
import { ROLES_KEY } from './auth.decorators';
import { AuthService } from './auth.service';
import { AUTH_OPTIONS, type AuthOptions } from './auth.tokens';
import { FailedAttempts } from './failed-attempts';
import type { Principal, Role } from './principal';

interface Req {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  principal?: Principal;
}

/**
 * Every HTTP route needs a bearer token or an API key unless marked public;
 * routes with @Roles need one of those roles. Kafka handlers are not HTTP and pass.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly failures: FailedAttempts;

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
  ) {
    this.failures = new FailedAttempts(options.authFailuresPerMinute);
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Req>();
    const client = req.ip ?? 'unknown';
    const wait = this.failures.retryAfter(client);
    if (wait > 0) {
      throw new HttpException(
        `too many failed sign-in attempts with tokens or API keys; try again in ${wait} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    try {
      req.principal = await this.identify(req);
    } catch (err) {
      if (err instanceof UnauthorizedException) this.failures.fail(client);
      throw err;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.principal.role)) {
      throw new ForbiddenException(
        `this needs the ${roles.join(' or ')} role; you are ${req.principal.role}`,
      );
    }
    return true;
  }

  private identify(req: Req): Promise<Principal> {
    const token = bearer(req.headers.authorization);
    const apiKey = req.headers['x-api-key'];
    if (token) return this.auth.fromToken(token);
    if (typeof apiKey === 'string' && apiKey.length > 0) return this.auth.fromApiKey(apiKey);
    throw new UnauthorizedException(
      'sign in: send "Authorization: Bearer <token>" (POST /auth/login) or "X-API-Key"',
    );
  }
}
