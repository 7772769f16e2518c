import {
  ForbiddenException,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { requestUser, type TokenUser } from '@ct/platform';
import { ADMIN_JWT_SECRET } from '../admin/admin-token.guard';

/** The signed-in user a guarded request was made by. */
export type EditorRequest = Request & { editor?: TokenUser };

/**
 * Correcting a stored document is for coordinators and admins, signed in
 * through the commitments service (the shared JWT_SECRET); viewers read only.
 */
@Injectable()
export class EditorTokenGuard implements CanActivate {
  constructor(@Inject(ADMIN_JWT_SECRET) private readonly secret: string | null) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<EditorRequest>();
    const user = await requestUser(req, this.secret, {
      unavailable: 'correcting documents needs JWT_SECRET set on the ingestion service',
    });
    if (user.role !== 'coordinator' && user.role !== 'admin') {
      throw new ForbiddenException('correcting a document is for coordinators and admins');
    }
    req.editor = user;
    return true;
  }
}
