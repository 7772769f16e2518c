import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure } from '@ct/messaging';
import { SERVICE, type DashboardEnv } from './config/dashboard.env';

/** For now only GET /health; the web view and event stream are their own issue. */
@Module({})
export class AppModule {
  static forRoot(env: DashboardEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceInfrastructure({ service: SERVICE, env })],
    };
  }
}
