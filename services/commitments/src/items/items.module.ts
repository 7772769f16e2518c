import { Module } from '@nestjs/common';
import { ItemsConsumer } from './items.consumer';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';

@Module({
  controllers: [ItemsController, ItemsConsumer],
  providers: [ItemsService],
})
export class ItemsModule {}
