import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { OverviewController } from './overview.controller';

// StreamEventsRepository comes from the (global) StreamModule.
@Module({ imports: [ItemsModule], controllers: [OverviewController] })
export class OverviewModule {}
