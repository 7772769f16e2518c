import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, systemClock } from '../clock/clock';
import { Channels } from '../deliveries/channels';
import { SubscriptionsController } from '../subscriptions/subscriptions.controller';
import { AlertPlanner } from './alert-planner';
import { AlertScheduler } from './alert-scheduler.service';
import { ALERTS_OPTIONS, type AlertsOptions } from './alerts.options';

@Module({})
export class AlertsModule {
  static register(options: AlertsOptions): DynamicModule {
    return {
      module: AlertsModule,
      global: true,
      controllers: [SubscriptionsController],
      providers: [
        AlertPlanner,
        AlertScheduler,
        Channels,
        { provide: ALERTS_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: systemClock },
      ],
      exports: [AlertPlanner, CLOCK],
    };
  }
}
