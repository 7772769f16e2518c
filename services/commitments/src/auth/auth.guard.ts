import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '@ct/platform';
import { ROLES_KEY } from './auth.decorators';
import { AuthService } from './auth.service';
import type { Principal, Role } from './principal';

interface Req {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * Every HTTP route needs a bearer token or an API key unless marked public;
 * routes with @Roles need one of those roles. Kafka handlers are not HTTP and pass.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Req>();
    req.principal = await this.identify(req);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.principal.role)) {
      throw new ForbiddenException(
        `this needs the ${roles.join(' or ')} role; you are ${req.principal.role}`,
      );
    }
    return true;
  }

  private identify(req: Req): Promise<Principal> {
    const header = req.headers.authorization;
    const apiKey = req.headers['x-api-key'];
    if (typeof header === 'string' && /^Bearer\s+\S+$/i.test(header))
      return this.auth.fromToken(header.split(/\s+/)[1]);
    if (typeof apiKey === 'string' && apiKey.length > 0) return this.auth.fromApiKey(apiKey);
    throw new UnauthorizedException(
      'sign in: send "Authorization: Bearer <token>" (POST /auth/login) or "X-API-Key"',
    );
  }
}
