import {
  ForbiddenException,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { requestUser } from '@ct/platform';

export const ADMIN_JWT_SECRET = Symbol('ADMIN_JWT_SECRET');

/**
 * Admin operations take the token an admin gets from the commitments
 * service's sign-in (the shared JWT_SECRET): ingestion keeps no users.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(@Inject(ADMIN_JWT_SECRET) private readonly secret: string | null) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = await requestUser(context.switchToHttp().getRequest<Request>(), this.secret, {
      unavailable: 'admin operations need JWT_SECRET set on the ingestion service',
    });
    if (user.role !== 'admin') throw new ForbiddenException('reprocessing is for admins');
    return true;
  }
}
