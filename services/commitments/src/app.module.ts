import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure, type ServiceIdentity } from '@ct/messaging';
import { CONSUMER_GROUP, SERVICE, type CommitmentsEnv } from './config/commitments.env';
import { commitmentsDataSourceOptions } from './database/data-source';
import { AuthModule } from './auth/auth.module';
import { ComplianceModule } from './compliance/compliance.module';
import { ItemsModule } from './items/items.module';

const IDENTITY: ServiceIdentity<typeof SERVICE> = {
  service: SERVICE,
  groupId: CONSUMER_GROUP,
  dataSource: commitmentsDataSourceOptions,
};

@Module({})
export class AppModule {
  static forRoot(env: CommitmentsEnv, opts: { consume?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceInfrastructure(IDENTITY, env),
        AuthModule.forRoot({
          privateKey: env.JWT_PRIVATE_KEY,
          tokenTtlSeconds: env.TOKEN_TTL_SECONDS,
          refreshTtlSeconds: env.REFRESH_TTL_SECONDS,
          adminEmail: env.ADMIN_EMAIL,
          adminPassword: env.ADMIN_PASSWORD,
          loginAttemptsPerMinute: env.LOGIN_ATTEMPTS_PER_MINUTE,
          loginFailuresPerAccount: env.LOGIN_FAILURES_PER_ACCOUNT,
          loginLockSeconds: env.LOGIN_LOCK_SECONDS,
          authFailuresPerMinute: env.AUTH_FAILURES_PER_MINUTE,
        }),
        ItemsModule.register({ consume: opts.consume ?? true }),
        ComplianceModule,
      ],
    };
  }
}
