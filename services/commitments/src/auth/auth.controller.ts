import {
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import type { z } from 'zod';
import { cookieValue, Public, ZodValidationPipe } from '@ct/platform';
import { CurrentPrincipal, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { AUTH_OPTIONS, type AuthOptions } from './auth.tokens';
import { createApiKeyBody, createUserBody, loginBody, updateUserBody } from './dto/auth.dto';
import type { ApiKeyEntity } from './entities/api-key.entity';
import type { UserEntity } from './entities/user.entity';
import type { Principal } from './principal';

const uuid = new ParseUUIDPipe();

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /**
   * Exchange email and password for a short-lived bearer token. The refresh
   * token goes into an HttpOnly cookie only (the page's script never sees it).
   * Rate-limited per client address.
   */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: {} })
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body(new ZodValidationPipe(loginBody)) body: z.infer<typeof loginBody>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { refreshToken, ...answer } = await this.auth.login(body.email, body.password);
    res.cookie(REFRESH_COOKIE, refreshToken, this.cookieOptions(req));
    return answer;
  }

  /** A new bearer token for the page, from its refresh cookie. */
  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Req() req: Request) {
    return this.auth.refresh(refreshCookie(req));
  }

  /** Sign the page out: its refresh token stops working and the cookie is cleared. */
  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(refreshCookie(req));
    res.clearCookie(REFRESH_COOKIE, this.cookieOptions(req));
  }

  private cookieOptions(req: Request) {
    return {
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: req.secure,
      path: '/auth',
      maxAge: this.options.refreshTtlSeconds * 1000,
    };
  }

  @Get('auth/me')
  me(@CurrentPrincipal() who: Principal) {
    return who;
  }

  @Get('users')
  @Roles('admin')
  async users() {
    return (await this.auth.listUsers()).map(userView);
  }

  @Post('users')
  @Roles('admin')
  async createUser(
    @CurrentPrincipal() who: Principal,
    @Body(new ZodValidationPipe(createUserBody)) body: z.infer<typeof createUserBody>,
  ) {
    try {
      return userView(
        await this.auth.createUser(who.name, body.email, body.password, body.role, body.actors),
      );
    } catch (err) {
      if (err instanceof QueryFailedError && /users_email_idx/.test(err.message)) {
        throw new ConflictException(`a user with email ${body.email} exists`);
      }
      throw err;
    }
  }

  /** Change a user's role or actors, or disable (and re-enable) them; their tokens stop working at once. */
  @Patch('users/:id')
  @Roles('admin')
  async updateUser(
    @CurrentPrincipal() who: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodValidationPipe(updateUserBody)) body: z.infer<typeof updateUserBody>,
  ) {
    const user = await this.auth.updateUser(who.name, id, body);
    if (!user) throw new NotFoundException(`no user ${id}`);
    return userView(user);
  }

  @Delete('users/:id')
  @Roles('admin')
  @HttpCode(204)
  async deleteUser(@CurrentPrincipal() who: Principal, @Param('id', uuid) id: string) {
    if (!(await this.auth.deleteUser(who.name, id))) throw new NotFoundException(`no user ${id}`);
  }

  @Get('api-keys')
  @Roles('admin')
  async apiKeys() {
    return (await this.auth.listApiKeys()).map(keyView);
  }

  /** The key is in this response only; store it now. */
  @Post('api-keys')
  @Roles('admin')
  createApiKey(
    @CurrentPrincipal() who: Principal,
    @Body(new ZodValidationPipe(createApiKeyBody)) body: z.infer<typeof createApiKeyBody>,
  ) {
    return this.auth.createApiKey(who.name, body.name, body.role, body.actors, body.scopes);
  }

  /** Revoke a key: refused everywhere from the next request on. */
  @Delete('api-keys/:id')
  @Roles('admin')
  async revokeApiKey(@CurrentPrincipal() who: Principal, @Param('id', uuid) id: string) {
    const key = await this.auth.revokeApiKey(who.name, id);
    if (!key) throw new NotFoundException(`no API key ${id}`);
    return keyView(key);
  }

  /** Changes to users and keys, newest first: who did what to whom. */
  @Get('access-audit')
  @Roles('admin')
  async audit() {
    return (await this.auth.audit()).map((a) => ({
      at: a.at.toISOString(),
      by: a.byPrincipal,
      action: a.action,
      targetId: a.targetId,
      detail: a.detail,
    }));
  }
}

function userView(u: UserEntity) {
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    actors: u.actors,
    disabled: u.disabledAt !== null,
  };
}

function keyView(k: ApiKeyEntity) {
  return {
    id: k.id,
    name: k.name,
    role: k.role,
    actors: k.actors,
    scopes: k.scopes,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

const REFRESH_COOKIE = 'ct_refresh';

function refreshCookie(req: Request): string | undefined {
  const value = cookieValue(req.headers.cookie, REFRESH_COOKIE);
  return value && /^[A-Za-z0-9_-]+$/u.test(value) ? value : undefined;
}
