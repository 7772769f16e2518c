import { Module, type DynamicModule } from '@nestjs/common';
import { signedInService } from '@ct/access';
import type { ServiceIdentity } from '@ct/messaging';
import { EgressPolicy } from '@ct/egress';
import { CONSUMER_GROUP, SERVICE, type NotificationsEnv } from './config/notifications.env';
import { notificationsDataSourceOptions } from './database/data-source';
import { AlertsModule } from './alerts/alerts.module';
import { WatchesModule } from './watches/watches.module';

const IDENTITY: ServiceIdentity<typeof SERVICE> = {
  service: SERVICE,
  groupId: CONSUMER_GROUP,
  dataSource: notificationsDataSourceOptions,
};

@Module({})
export class AppModule {
  /** `consume: false` leaves Kafka consumption out (tests that apply changes directly). */
  static forRoot(env: NotificationsEnv, opts: { consume?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...signedInService(IDENTITY, env, opts.consume ?? true),
        AlertsModule.register({
          offsetsDays: env.ALERT_OFFSETS_DAYS,
          intervalMs: env.SCHEDULER_INTERVAL_MS,
          smtpUrl: env.SMTP_URL ?? null,
          mailFrom: env.MAIL_FROM,
          dashboardUrl: env.DASHBOARD_URL,
          maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
          backoffMs: env.DELIVERY_BACKOFF_MS,
          webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
          claimMs: env.DELIVERY_CLAIM_MS,
          egress: EgressPolicy.parse(env.EGRESS_ALLOW),
        }),
        WatchesModule.register({ consume: opts.consume ?? true }),
      ],
    };
  }
}
