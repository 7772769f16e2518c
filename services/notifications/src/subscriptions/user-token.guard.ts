import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { requestUser, type TokenUser } from '@ct/platform';

export const USER_JWT_SECRET = Symbol('USER_JWT_SECRET');

export type User = TokenUser;

/** Accepts the tokens users get from the commitments service's sign-in: notifications keeps no users of its own. */
@Injectable()
export class UserTokenGuard implements CanActivate {
  constructor(@Inject(USER_JWT_SECRET) private readonly secret: string | null) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { user?: User }>();
    req.user = await requestUser(req, this.secret, {
      unavailable: 'subscriptions need JWT_SECRET set on the notifications service',
    });
    return true;
  }
}
