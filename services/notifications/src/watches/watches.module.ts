import { Module, type DynamicModule } from '@nestjs/common';
import { WatchesConsumer } from './watches.consumer';
import { WatchesController } from './watches.controller';
import { WatchesService } from './watches.service';
import { WatchedDeadlinesRepository } from './watched-deadlines.repository';

@Module({})
export class WatchesModule {
  static register(opts: { consume: boolean }): DynamicModule {
    return {
      module: WatchesModule,
      controllers: [WatchesController],
      providers: [
        WatchesService,
        WatchedDeadlinesRepository,
        ...(opts.consume ? [WatchesConsumer] : []),
      ],
    };
  }
}
