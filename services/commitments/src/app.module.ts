import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule, ServiceHealthModule } from '@ct/messaging';
import { typeOrmRoot } from '@ct/persistence';
import { loggingModule } from '@ct/platform';
import { CONSUMER_GROUP, SCHEMA, SERVICE, type CommitmentsEnv } from './config/commitments.env';
import { commitmentsDataSourceOptions } from './database/data-source';
import { AuthModule } from './auth/auth.module';
import { ItemsModule } from './items/items.module';

@Module({})
export class AppModule {
  static forRoot(env: CommitmentsEnv, opts: { consume?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(SERVICE, env.LOG_LEVEL),
        typeOrmRoot(commitmentsDataSourceOptions(env.DATABASE_URL), env.DB_MIGRATIONS_RUN),
        MessagingModule.forRoot({
          service: SERVICE,
          brokers: env.KAFKA_BROKERS,
          groupId: CONSUMER_GROUP,
          outboxSchema: SCHEMA,
        }),
        ServiceHealthModule.forRoot({ database: true }),
        AuthModule.forRoot({
          jwtSecret: env.JWT_SECRET,
          tokenTtlSeconds: env.TOKEN_TTL_SECONDS,
          adminEmail: env.ADMIN_EMAIL,
          adminPassword: env.ADMIN_PASSWORD,
          loginAttemptsPerMinute: env.LOGIN_ATTEMPTS_PER_MINUTE,
        }),
        ItemsModule.register({ consume: opts.consume ?? true }),
      ],
    };
  }
}
