import {
  createParamDecorator,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Authenticator, type CredentialRequest } from './authenticator';
import type { AccessPolicy, Caller } from './caller';

const ACCESS_POLICY = 'accessPolicy';

/** Who may use this route or controller (see AccessPolicy); without it: any signed-in user. */
export const Allow = (policy: AccessPolicy) => SetMetadata(ACCESS_POLICY, policy);

export type CallerRequest = CredentialRequest & { caller?: Caller };

/** Lets a request through when its credential satisfies the route's policy; the caller goes on the request. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const policy =
      this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
        ctx.getHandler(),
        ctx.getClass(),
      ]) ?? {};
    const req = ctx.switchToHttp().getRequest<CallerRequest>();
    req.caller = await this.authenticator.authenticate(req, policy);
    return true;
  }
}

/** The Caller the AccessGuard let through. */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<CallerRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a route without AccessGuard');
  return caller;
});
