import { ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { requestUser, type TokenUser } from '@ct/platform';

export const ADMIN_JWT_SECRET = Symbol('ADMIN_JWT_SECRET');

/** A request a role guard let through, with the signed-in user who made it. */
export type SignedInRequest = Request & { tokenUser?: TokenUser };

/**
 * Operations for some roles take the token a user gets from the commitments
 * service's sign-in (the shared JWT_SECRET): ingestion keeps no users. Each
 * guard names its roles and what it says when refusing.
 */
export abstract class RoleTokenGuard implements CanActivate {
  protected constructor(
    private readonly secret: string | null,
    private readonly roles: readonly TokenUser['role'][],
    private readonly refusal: string,
    private readonly unavailable: string,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<SignedInRequest>();
    const user = await requestUser(req, this.secret, { unavailable: this.unavailable });
    if (!this.roles.includes(user.role)) throw new ForbiddenException(this.refusal);
    req.tokenUser = user;
    return true;
  }
}
