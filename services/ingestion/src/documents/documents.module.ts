import { Module, type DynamicModule } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { MAX_DOCUMENT_CHARS } from './documents.tokens';

@Module({})
export class DocumentsModule {
  static register(opts: { maxChars: number }): DynamicModule {
    return {
      module: DocumentsModule,
      controllers: [DocumentsController],
      providers: [DocumentsService, { provide: MAX_DOCUMENT_CHARS, useValue: opts.maxChars }],
      exports: [DocumentsService],
    };
  }
}
