import { Module, type DynamicModule } from '@nestjs/common';
import { FolderWatcher } from './folder-watcher.service';
import { WatchedFilesRepository } from './watched-files.repository';
import { WATCH_OPTIONS, type WatchOptions } from './watch.options';

@Module({})
export class WatchModule {
  /** `documents`: the DocumentsModule the app registered, whose FileIngestService it uses. */
  static register(options: WatchOptions, documents: DynamicModule): DynamicModule {
    return {
      module: WatchModule,
      imports: [documents],
      providers: [
        FolderWatcher,
        WatchedFilesRepository,
        { provide: WATCH_OPTIONS, useValue: options },
      ],
      exports: [FolderWatcher],
    };
  }
}
