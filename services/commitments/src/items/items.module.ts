import { Module } from '@nestjs/common';
import { ItemChanges } from './item-changes';
import { ItemsConsumer } from './items.consumer';
import { ItemsController } from './items.controller';
import { ItemsRepository } from './items.repository';
import { ItemsService } from './items.service';
import { RegisterService } from './register.service';

@Module({
  controllers: [ItemsController, ItemsConsumer],
  providers: [ItemsService, ItemsRepository, RegisterService, ItemChanges],
})
export class ItemsModule {}
