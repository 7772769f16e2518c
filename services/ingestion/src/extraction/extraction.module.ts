import { Module, type DynamicModule } from '@nestjs/common';
import { AdminController } from '../admin/admin.controller';
import { ADMIN_JWT_SECRET, AdminTokenGuard } from '../admin/admin-token.guard';
import { ExtractionConsumer } from './extraction.consumer';
import { ExtractionService } from './extraction.service';
import { extractorProvider } from './extractor.provider';
import { ReprocessService } from './reprocess.service';

@Module({})
export class ExtractionModule {
  /** `jwtSecret`: verifies admin tokens for reprocessing; without it that endpoint answers 503. */
  static register(opts: { jwtSecret: string | null; budgetMs: number }): DynamicModule {
    return {
      module: ExtractionModule,
      controllers: [ExtractionConsumer, AdminController],
      providers: [
        ExtractionService,
        ReprocessService,
        extractorProvider(opts.budgetMs),
        AdminTokenGuard,
        { provide: ADMIN_JWT_SECRET, useValue: opts.jwtSecret },
      ],
    };
  }
}
