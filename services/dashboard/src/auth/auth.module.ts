import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { SignedInGuard } from './signed-in.guard';

/** Verifies the commitments service's tokens; the dashboard keeps no users of its own. */
@Global()
@Module({})
export class AuthModule {
  static register(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, SignedInGuard],
      exports: [AUTH_OPTIONS, SignedInGuard],
    };
  }
}
