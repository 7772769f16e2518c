import {
  ForbiddenException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';

export const ADMIN_JWT_SECRET = Symbol('ADMIN_JWT_SECRET');

/**
 * Admin operations take the token an admin gets from the commitments
 * service's sign-in (HS256, the shared JWT_SECRET): ingestion keeps no users.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly jwt = new JwtService();

  constructor(@Inject(ADMIN_JWT_SECRET) private readonly secret: string | null) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.secret) {
      throw new ServiceUnavailableException(
        'admin operations need JWT_SECRET set on the ingestion service',
      );
    }
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const token = /^Bearer (.+)$/iu.exec(header)?.[1];
    if (!token)
      throw new UnauthorizedException(
        'sign in to the commitments service and send its token as Bearer',
      );
    let claims: { role?: string };
    try {
      claims = await this.jwt.verifyAsync(token, { secret: this.secret, algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('invalid or expired token');
    }
    if (claims.role !== 'admin') throw new ForbiddenException('reprocessing is for admins');
    return true;
  }
}
