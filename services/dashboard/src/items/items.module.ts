import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { ExportController } from './export.controller';
import { CalendarLinksRepository } from './calendar-links.repository';
import { ItemSnapshotsRepository } from './item-snapshots.repository';

/** The register as the dashboard knows it from events: read model, calendar feed, CSV export. */
@Module({
  controllers: [CalendarController, ExportController],
  providers: [ItemSnapshotsRepository, CalendarLinksRepository],
  exports: [ItemSnapshotsRepository],
})
export class ItemsModule {}
