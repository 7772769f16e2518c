import { Module, type DynamicModule } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DocumentsRepository } from './documents.repository';
import type { ReadLimits } from '@ct/formats';
import { MAX_DOCUMENT_CHARS, MAX_UPLOAD_BYTES, READ_LIMITS } from './documents.tokens';
import { FileIngestService } from './file-ingest.service';
import { UploadInterceptor } from './upload.interceptor';

@Module({})
export class DocumentsModule {
  static register(opts: {
    maxChars: number;
    maxUploadBytes: number;
    readLimits: ReadLimits;
  }): DynamicModule {
    return {
      module: DocumentsModule,
      controllers: [DocumentsController],
      providers: [
        DocumentsService,
        DocumentsRepository,
        FileIngestService,
        UploadInterceptor,
        { provide: MAX_DOCUMENT_CHARS, useValue: opts.maxChars },
        { provide: MAX_UPLOAD_BYTES, useValue: opts.maxUploadBytes },
        { provide: READ_LIMITS, useValue: opts.readLimits },
      ],
      exports: [DocumentsService, FileIngestService],
    };
  }
}
