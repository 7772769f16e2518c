import { Module, type DynamicModule } from '@nestjs/common';
import { AdminController } from '../admin/admin.controller';
import { ADMIN_JWT_SECRET, AdminTokenGuard } from '../admin/admin-token.guard';
import { DocumentCorrectionsController } from '../corrections/document-corrections.controller';
import { DocumentCorrectionsService } from '../corrections/document-corrections.service';
import { EditorTokenGuard } from '../corrections/editor-token.guard';
import { ExtractionConsumer } from './extraction.consumer';
import { ExtractionService } from './extraction.service';
import { extractorProvider } from './extractor.provider';
import { ReprocessService } from './reprocess.service';

@Module({})
export class ExtractionModule {
  /** `jwtSecret`: verifies admin tokens for reprocessing; without it that endpoint answers 503. */
  /** `consume: false` leaves Kafka consumption out (tests that drive extraction directly). */
  static register(opts: {
    jwtSecret: string | null;
    budgetMs: number;
    consume: boolean;
  }): DynamicModule {
    return {
      module: ExtractionModule,
      controllers: [AdminController, DocumentCorrectionsController],
      providers: [
        ExtractionService,
        ...(opts.consume ? [ExtractionConsumer] : []),
        ReprocessService,
        extractorProvider(opts.budgetMs),
        AdminTokenGuard,
        EditorTokenGuard,
        DocumentCorrectionsService,
        { provide: ADMIN_JWT_SECRET, useValue: opts.jwtSecret },
      ],
    };
  }
}
