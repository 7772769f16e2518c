import { Module, type DynamicModule } from '@nestjs/common';
import { AdminController } from '../admin/admin.controller';
import { DocumentCorrectionsController } from '../corrections/document-corrections.controller';
import { DocumentCorrectionsService } from '../corrections/document-corrections.service';
import { DocumentsRepository } from '../documents/documents.repository';
import { ExtractionConsumer } from './extraction.consumer';
import { ExtractionService } from './extraction.service';
import { extractorProvider } from './extractor.provider';
import { ReprocessService } from './reprocess.service';

@Module({})
export class ExtractionModule {
  /** `consume: false` leaves Kafka consumption out (tests that drive extraction directly). */
  static register(opts: { budgetMs: number; consume: boolean }): DynamicModule {
    return {
      module: ExtractionModule,
      controllers: [AdminController, DocumentCorrectionsController],
      providers: [
        ExtractionService,
        // Stateless: its own instance here, beside the documents module's.
        DocumentsRepository,
        ...(opts.consume ? [ExtractionConsumer] : []),
        ReprocessService,
        extractorProvider(opts.budgetMs),
        DocumentCorrectionsService,
      ],
    };
  }
}
