import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, systemClock } from '../clock/clock';
import { Channels } from '../deliveries/channels';
import { SubscriptionsController } from '../subscriptions/subscriptions.controller';
import { USER_JWT_SECRET, UserTokenGuard } from '../subscriptions/user-token.guard';
import { AlertPlanner } from './alert-planner';
import { AlertScheduler } from './alert-scheduler.service';
import { ALERTS_OPTIONS, type AlertsOptions } from './alerts.options';

@Module({})
export class AlertsModule {
  static register(options: AlertsOptions, jwtSecret: string | null): DynamicModule {
    return {
      module: AlertsModule,
      global: true,
      controllers: [SubscriptionsController],
      providers: [
        AlertPlanner,
        AlertScheduler,
        Channels,
        UserTokenGuard,
        { provide: ALERTS_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: systemClock },
        { provide: USER_JWT_SECRET, useValue: jwtSecret },
      ],
      exports: [AlertPlanner, CLOCK],
    };
  }
}
