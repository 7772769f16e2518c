import { Module, type DynamicModule } from '@nestjs/common';
import { signedInService } from '@ct/access';
import type { ServiceIdentity } from '@ct/messaging';
import { CONSUMER_GROUP, SERVICE, type DashboardEnv } from './config/dashboard.env';
import { dashboardDataSourceOptions } from './database/data-source';
import { AsyncApiController } from './event-interface/asyncapi.controller';
import { ItemsModule } from './items/items.module';
import { OverviewModule } from './overview/overview.module';
import { StreamModule } from './stream/stream.module';
import { WebModule } from './web/web.module';

/**
 * The web page (static files, see main.ts) and what it reads here: overview,
 * calendar feed, CSV export; the event interface (AsyncAPI document, SSE
 * stream); /health and /metrics.
 */
const IDENTITY: ServiceIdentity<typeof SERVICE> = {
  service: SERVICE,
  groupId: CONSUMER_GROUP,
  dataSource: dashboardDataSourceOptions,
};

@Module({})
export class AppModule {
  /** `consume: false` leaves Kafka consumption out (tests that feed the stores directly). */
  static forRoot(env: DashboardEnv, opts: { consume?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...signedInService(IDENTITY, env, opts.consume ?? true),
        WebModule.register({
          publicUrl: env.PUBLIC_URL ?? null,
          commitmentsUrl: env.COMMITMENTS_URL,
          ingestionUrl: env.INGESTION_URL,
          notificationsUrl: env.NOTIFICATIONS_URL,
        }),
        ItemsModule,
        OverviewModule,
        StreamModule.register({
          pollMs: env.STREAM_POLL_MS,
          retentionDays: env.STREAM_RETENTION_DAYS,
          maxStreamsPerUser: env.STREAM_MAX_PER_USER,
          recheckMs: env.STREAM_RECHECK_MS,
          consume: opts.consume ?? true,
        }),
      ],
      controllers: [AsyncApiController],
    };
  }
}
