import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule, ServiceHealthModule } from '@ct/messaging';
import { typeOrmRoot } from '@ct/persistence';
import { loggingModule } from '@ct/platform';
import { CONSUMER_GROUP, SCHEMA, SERVICE, type NotificationsEnv } from './config/notifications.env';
import { notificationsDataSourceOptions } from './database/data-source';
import { WatchesModule } from './watches/watches.module';

@Module({})
export class AppModule {
  static forRoot(env: NotificationsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(SERVICE, env.LOG_LEVEL),
        typeOrmRoot(notificationsDataSourceOptions(env.DATABASE_URL), env.DB_MIGRATIONS_RUN),
        MessagingModule.forRoot({
          service: SERVICE,
          brokers: env.KAFKA_BROKERS,
          groupId: CONSUMER_GROUP,
          outboxSchema: SCHEMA,
        }),
        ServiceHealthModule.forRoot({ database: true }),
        WatchesModule,
      ],
    };
  }
}
