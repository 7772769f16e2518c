import { Module, type DynamicModule } from '@nestjs/common';
import { Transactions } from '@ct/persistence';
import { ExtractedConsumer } from '../register/extracted.consumer';
import { ExtractionRunsRepository } from '../register/extraction-runs.repository';
import { RegisterService } from '../register/register.service';
import { RetractionService } from '../register/retraction.service';
import { RunsConsumer } from '../register/runs.consumer';
import { TrackedItemsRepository } from '../tracked-items/tracked-items.repository';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';

@Module({})
export class ItemsModule {
  /** `consume: false` leaves Kafka consumption out (tests that drive the register directly). */
  static register(opts: { consume: boolean }): DynamicModule {
    return {
      module: ItemsModule,
      controllers: [ItemsController],
      providers: [
        Transactions,
        TrackedItemsRepository,
        ExtractionRunsRepository,
        RegisterService,
        RetractionService,
        ItemsService,
        ...(opts.consume ? [ExtractedConsumer, RunsConsumer] : []),
      ],
    };
  }
}
