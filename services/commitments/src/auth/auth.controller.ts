import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Post,
  UseGuards,
} from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import type { z } from 'zod';
import { Public, ZodValidationPipe } from '@ct/platform';
import { CurrentPrincipal, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { createApiKeyBody, createUserBody, loginBody } from './dto/auth.dto';
import type { Principal } from './principal';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Exchange email and password for a bearer token. Rate-limited per client address. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: {} })
  @Post('auth/login')
  @HttpCode(200)
  login(@Body(new ZodValidationPipe(loginBody)) body: z.infer<typeof loginBody>) {
    return this.auth.login(body.email, body.password);
  }

  @Get('auth/me')
  me(@CurrentPrincipal() who: Principal) {
    return who;
  }

  @Get('users')
  @Roles('admin')
  async users() {
    return (await this.auth.listUsers()).map((u) => ({
      id: u.id,
      email: u.email,
      role: u.role,
      actors: u.actors,
    }));
  }

  @Post('users')
  @Roles('admin')
  async createUser(
    @Body(new ZodValidationPipe(createUserBody)) body: z.infer<typeof createUserBody>,
  ) {
    try {
      const u = await this.auth.createUser(body.email, body.password, body.role, body.actors);
      return { id: u.id, email: u.email, role: u.role, actors: u.actors };
    } catch (err) {
      if (err instanceof QueryFailedError && /users_email_idx/.test(err.message)) {
        throw new ConflictException(`a user with email ${body.email} exists`);
      }
      throw err;
    }
  }

  /** The key is in this response only; store it now. */
  @Post('api-keys')
  @Roles('admin')
  createApiKey(
    @Body(new ZodValidationPipe(createApiKeyBody)) body: z.infer<typeof createApiKeyBody>,
  ) {
    return this.auth.createApiKey(body.name, body.role, body.actors);
  }
}
