import { Module } from '@nestjs/common';
import { ExtractionConsumer } from './extraction.consumer';
import { ExtractionService } from './extraction.service';
import { extractorProvider } from './extractor.provider';

@Module({
  controllers: [ExtractionConsumer],
  providers: [ExtractionService, extractorProvider],
})
export class ExtractionModule {}
