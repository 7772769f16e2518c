import { Module, type DynamicModule } from '@nestjs/common';
import { ExtractedConsumer } from './extracted.consumer';
import { ItemChanges } from './item-changes';
import { ItemsController } from './items.controller';
import { ItemsRepository } from './items.repository';
import { ItemsService } from './items.service';
import { RegisterService } from './register.service';
import { RegisterStore } from './register.store';
import { RetractionService } from './retraction.service';
import { RunsConsumer } from './runs.consumer';

@Module({})
export class ItemsModule {
  /** `consume: false` leaves Kafka consumption out (tests that drive the register directly). */
  static register(opts: { consume: boolean }): DynamicModule {
    return {
      module: ItemsModule,
      controllers: [ItemsController],
      providers: [
        ItemsService,
        ItemsRepository,
        RegisterService,
        RegisterStore,
        RetractionService,
        ItemChanges,
        ...(opts.consume ? [ExtractedConsumer, RunsConsumer] : []),
      ],
    };
  }
}
