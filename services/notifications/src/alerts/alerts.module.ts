import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, systemClock } from '../clock/clock';
import { Channels } from '../deliveries/channels';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import { DigestSender } from '../digests/digest-sender';
import { SubscriptionsController } from '../subscriptions/subscriptions.controller';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { WatchedDeadlinesRepository } from '../watches/watched-deadlines.repository';
import { AlertPlanner } from './alert-planner';
import { AlertRaiser } from './alert-raiser';
import { AlertScheduler } from './alert-scheduler.service';
import { ALERTS_OPTIONS, type AlertsOptions } from './alerts.options';
import { AlertsRepository } from './alerts.repository';

@Module({})
export class AlertsModule {
  static register(options: AlertsOptions): DynamicModule {
    return {
      module: AlertsModule,
      global: true,
      controllers: [SubscriptionsController],
      providers: [
        AlertsRepository,
        SubscriptionsRepository,
        AlertPlanner,
        AlertRaiser,
        DeliveryDispatcher,
        AlertScheduler,
        Channels,
        DigestSender,
        WatchedDeadlinesRepository,
        { provide: ALERTS_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: systemClock },
      ],
      exports: [AlertPlanner, CLOCK],
    };
  }
}
