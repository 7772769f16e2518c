import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { requestUser, type TokenUser } from '@ct/platform';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';

export type SignedInRequest = Request & { user: TokenUser };

/**
 * Any signed-in user (a token from the commitments sign-in), sent as a
 * Bearer header or, where the client cannot set headers (EventSource), as
 * `access_token` in the query.
 */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<SignedInRequest>();
    req.user = await requestUser(req, this.options.jwtSecret, {
      unavailable: 'signed-in routes need JWT_SECRET set on the dashboard',
      queryToken: true,
    });
    return true;
  }
}
