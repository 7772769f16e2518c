import {
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';

export const USER_JWT_SECRET = Symbol('USER_JWT_SECRET');

/** The signed-in user, from the token the commitments service issued. */
export interface User {
  id: string;
  email: string;
  role: 'viewer' | 'coordinator' | 'admin';
}

/**
 * Accepts the tokens users get from the commitments service's sign-in
 * (HS256, the shared JWT_SECRET): notifications keeps no users of its own.
 */
@Injectable()
export class UserTokenGuard implements CanActivate {
  private readonly jwt = new JwtService();

  constructor(@Inject(USER_JWT_SECRET) private readonly secret: string | null) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.secret)
      throw new ServiceUnavailableException(
        'subscriptions need JWT_SECRET set on the notifications service',
      );
    const req = context.switchToHttp().getRequest<Request & { user?: User }>();
    const token = /^Bearer (.+)$/iu.exec(req.headers.authorization ?? '')?.[1];
    if (!token)
      throw new UnauthorizedException(
        'sign in to the commitments service and send its token as Bearer',
      );
    try {
      const c = await this.jwt.verifyAsync<{ sub: string; email: string; role: User['role'] }>(
        token,
        {
          secret: this.secret,
          algorithms: ['HS256'],
        },
      );
      req.user = { id: c.sub, email: c.email, role: c.role };
      return true;
    } catch {
      throw new UnauthorizedException('invalid or expired token');
    }
  }
}
