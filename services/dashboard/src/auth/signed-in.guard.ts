import {
  Inject,
  Injectable,
  ServiceUnavailableException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { bearer, verifyUserToken, type TokenUser } from '@ct/platform';
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
    if (!this.options.jwtSecret) {
      throw new ServiceUnavailableException(
        'signed-in routes need JWT_SECRET set on the dashboard',
      );
    }
    const req = ctx.switchToHttp().getRequest<SignedInRequest>();
    const fromQuery = req.query.access_token;
    req.user = await verifyUserToken(
      bearer(req.headers.authorization) ?? (typeof fromQuery === 'string' ? fromQuery : undefined),
      this.options.jwtSecret,
    );
    return true;
  }
}
