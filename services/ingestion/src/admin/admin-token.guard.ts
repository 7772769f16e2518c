import { Inject, Injectable } from '@nestjs/common';
import { ADMIN_JWT_SECRET, RoleTokenGuard } from './role-token.guard';

export { ADMIN_JWT_SECRET };

/** Reprocessing is for admins. */
@Injectable()
export class AdminTokenGuard extends RoleTokenGuard {
  constructor(@Inject(ADMIN_JWT_SECRET) secret: string | null) {
    super(
      secret,
      ['admin'],
      'reprocessing is for admins',
      'admin operations need JWT_SECRET set on the ingestion service',
    );
  }
}
