import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccountsRepository } from './accounts.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AUTH_OPTIONS, type AuthOptions } from './auth.tokens';

@Module({})
export class AuthModule {
  static forRoot(opts: AuthOptions & { jwtSecret: string }): DynamicModule {
    const { jwtSecret, ...options } = opts;
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({ secret: jwtSecret, signOptions: { algorithm: 'HS256' } }),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: options.loginAttemptsPerMinute }]),
      ],
      controllers: [AuthController],
      providers: [
        AccountsRepository,
        AuthService,
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AuthService],
    };
  }
}
