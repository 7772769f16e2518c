import type { DynamicModule } from '@nestjs/common';
import { serviceInfrastructure, type ServiceIdentity } from '@ct/messaging';
import type { BaseEnv } from '@ct/platform';
import { AccessModule } from './access.module';
import type { AccessOptions } from './access.options';

/**
 * The wiring of a service whose routes are signed in to: what every service
 * imports (serviceInfrastructure), and the principals it keeps from the
 * commitments service's announcements with the guard over them. `consume:
 * false` leaves Kafka consumption out (tests that give principals directly).
 */
export function signedInService(
  id: ServiceIdentity<AccessOptions['service']>,
  env: BaseEnv & { JWT_PUBLIC_KEY?: string },
  consume: boolean,
): DynamicModule[] {
  return [
    ...serviceInfrastructure(id, env),
    AccessModule.forRoot({ service: id.service, publicKey: env.JWT_PUBLIC_KEY ?? null, consume }),
  ];
}
