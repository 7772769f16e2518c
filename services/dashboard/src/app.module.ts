import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule, ServiceHealthModule } from '@ct/messaging';
import { loggingModule } from '@ct/platform';
import { SERVICE, type DashboardEnv } from './config/dashboard.env';

/** For now only GET /health; the web view and event stream are their own issue. */
@Module({})
export class AppModule {
  static forRoot(env: DashboardEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(SERVICE, env.LOG_LEVEL),
        MessagingModule.forRoot({ service: SERVICE, brokers: env.KAFKA_BROKERS }),
        ServiceHealthModule.forRoot({ database: false }),
      ],
    };
  }
}
