import { Module, type DynamicModule } from '@nestjs/common';
import { FeedPoller } from './feed-poller.service';
import { FeedEntriesRepository } from './feed-entries.repository';
import { FEEDS_OPTIONS, type FeedsOptions } from './feeds.options';

@Module({})
export class FeedsModule {
  /** `documents`: the DocumentsModule the app registered, whose FileIngestService it uses. */
  static register(options: FeedsOptions, documents: DynamicModule): DynamicModule {
    return {
      module: FeedsModule,
      imports: [documents],
      providers: [FeedPoller, FeedEntriesRepository, { provide: FEEDS_OPTIONS, useValue: options }],
      exports: [FeedPoller],
    };
  }
}
