import { Inject, Injectable } from '@nestjs/common';
import { ADMIN_JWT_SECRET, RoleTokenGuard } from '../admin/role-token.guard';

/** Correcting a stored document is for coordinators and admins; viewers read only. */
@Injectable()
export class EditorTokenGuard extends RoleTokenGuard {
  constructor(@Inject(ADMIN_JWT_SECRET) secret: string | null) {
    super(
      secret,
      ['coordinator', 'admin'],
      'correcting a document is for coordinators and admins',
      'correcting documents needs JWT_SECRET set on the ingestion service',
    );
  }
}
