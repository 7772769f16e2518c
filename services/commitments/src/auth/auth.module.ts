import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TOKEN_ALGORITHM } from '@ct/contracts';
import { publicKeyOf } from '@ct/platform';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccountsRepository } from './accounts.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AUTH_OPTIONS, type AuthOptions } from './auth.tokens';

@Module({})
export class AuthModule {
  static forRoot(opts: AuthOptions & { privateKey: string }): DynamicModule {
    const { privateKey, ...options } = opts;
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({
          privateKey,
          publicKey: publicKeyOf(privateKey),
          signOptions: { algorithm: TOKEN_ALGORITHM },
        }),
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
