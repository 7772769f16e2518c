import { Module } from '@nestjs/common';
import { WatchesConsumer } from './watches.consumer';
import { WatchesController } from './watches.controller';
import { WatchesService } from './watches.service';

@Module({
  controllers: [WatchesController, WatchesConsumer],
  providers: [WatchesService],
})
export class WatchesModule {}
