import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure } from '@ct/messaging';
import { CONSUMER_GROUP, SCHEMA, SERVICE, type NotificationsEnv } from './config/notifications.env';
import { notificationsDataSourceOptions } from './database/data-source';
import { WatchesModule } from './watches/watches.module';

@Module({})
export class AppModule {
  static forRoot(env: NotificationsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceInfrastructure({
          service: SERVICE,
          env,
          groupId: CONSUMER_GROUP,
          database: {
            options: notificationsDataSourceOptions(env.DATABASE_URL),
            schema: SCHEMA,
            migrate: env.DB_MIGRATIONS_RUN,
          },
        }),
        WatchesModule,
      ],
    };
  }
}
