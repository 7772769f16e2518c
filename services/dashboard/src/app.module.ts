import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure } from '@ct/messaging';
import { CONSUMER_GROUP, SCHEMA, SERVICE, type DashboardEnv } from './config/dashboard.env';
import { dashboardDataSourceOptions } from './database/data-source';
import { AsyncApiController } from './event-interface/asyncapi.controller';
import { StreamModule } from './stream/stream.module';

/** So far: the event interface (AsyncAPI document, SSE stream), /health and /metrics; the web view is still to come. */
@Module({})
export class AppModule {
  static forRoot(env: DashboardEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceInfrastructure({
          service: SERVICE,
          env,
          groupId: CONSUMER_GROUP,
          database: {
            options: dashboardDataSourceOptions(env.DATABASE_URL),
            schema: SCHEMA,
            migrate: env.DB_MIGRATIONS_RUN,
          },
        }),
        StreamModule.register({
          jwtSecret: env.JWT_SECRET ?? null,
          pollMs: env.STREAM_POLL_MS,
          retentionDays: env.STREAM_RETENTION_DAYS,
        }),
      ],
      controllers: [AsyncApiController],
    };
  }
}
