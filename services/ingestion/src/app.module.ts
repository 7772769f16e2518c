import { Module, type DynamicModule } from '@nestjs/common';
import { signedInService } from '@ct/access';
import type { ServiceIdentity } from '@ct/messaging';
import { EgressPolicy } from '@ct/egress';
import { CONSUMER_GROUP, SERVICE, type IngestionEnv } from './config/ingestion.env';
import { ingestionDataSourceOptions } from './database/data-source';
import { DocumentsModule } from './documents/documents.module';
import { ExtractionModule } from './extraction/extraction.module';
import { FeedsModule } from './feeds/feeds.module';
import { WatchModule } from './watch/watch.module';

const IDENTITY: ServiceIdentity<typeof SERVICE> = {
  service: SERVICE,
  groupId: CONSUMER_GROUP,
  dataSource: ingestionDataSourceOptions,
};

@Module({})
export class AppModule {
  static forRoot(env: IngestionEnv, opts: { consume?: boolean } = {}): DynamicModule {
    const documents = DocumentsModule.register({
      maxChars: env.MAX_DOCUMENT_CHARS,
      maxUploadBytes: env.MAX_UPLOAD_BYTES,
      readLimits: {
        docxMaxInflatedBytes: env.DOCX_MAX_INFLATED_BYTES,
        docxMaxEntries: env.DOCX_MAX_ENTRIES,
        pdfMaxPages: env.PDF_MAX_PAGES,
        pdfTimeoutMs: env.PDF_TIMEOUT_MS,
        pdfMaxHeapMb: env.PDF_MAX_HEAP_MB,
      },
    });
    return {
      module: AppModule,
      imports: [
        ...signedInService(IDENTITY, env, opts.consume ?? true),
        documents,
        WatchModule.register(
          {
            dir: env.WATCH_DIR ?? null,
            intervalMs: env.WATCH_INTERVAL_MS,
            events: env.WATCH_MODE === 'events',
            maxBytes: env.MAX_UPLOAD_BYTES,
          },
          documents,
        ),
        FeedsModule.register(
          {
            urls: env.FEED_URLS,
            intervalMs: env.FEED_INTERVAL_MS,
            timeoutMs: env.FEED_TIMEOUT_MS,
            maxBytes: env.MAX_UPLOAD_BYTES,
            egress: EgressPolicy.parse(env.EGRESS_ALLOW),
          },
          documents,
        ),
        ExtractionModule.register({
          budgetMs: env.EXTRACTION_BUDGET_MS,
          consume: opts.consume ?? true,
        }),
      ],
    };
  }
}
