import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure } from '@ct/messaging';
import { SERVICE, type DashboardEnv } from './config/dashboard.env';
import { AsyncApiController } from './event-interface/asyncapi.controller';

/** So far: /health, /metrics and the AsyncAPI document; the web view and event stream are still to come. */
@Module({})
export class AppModule {
  static forRoot(env: DashboardEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceInfrastructure({ service: SERVICE, env })],
      controllers: [AsyncApiController],
    };
  }
}
