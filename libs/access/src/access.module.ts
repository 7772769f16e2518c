import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AccessGuard } from './access.guard';
import { ACCESS_OPTIONS, type AccessOptions } from './access.options';
import { Authenticator } from './authenticator';
import { PrincipalsConsumer } from './principals.consumer';
import { PrincipalsRepository } from './principals.repository';

/**
 * Sign-in for a service that keeps no users: verifies the commitments
 * service's tokens and API keys against the principals it announced.
 * `consume: false` leaves the Kafka consumer out (tests apply changes by hand).
 */
@Global()
@Module({})
export class AccessModule {
  static forRoot(options: AccessOptions & { consume: boolean }): DynamicModule {
    const { consume, ...rest } = options;
    return {
      module: AccessModule,
      providers: [
        { provide: ACCESS_OPTIONS, useValue: rest },
        PrincipalsRepository,
        Authenticator,
        AccessGuard,
        ...(consume ? [PrincipalsConsumer] : []),
      ],
      exports: [ACCESS_OPTIONS, PrincipalsRepository, Authenticator, AccessGuard],
    };
  }
}
