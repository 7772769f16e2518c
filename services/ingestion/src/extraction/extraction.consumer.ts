import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { DOCUMENT_RECEIVED, Topics } from '@ct/contracts';
import { EventIntake } from '@ct/messaging';
import { ExtractionService } from './extraction.service';

@Controller()
export class ExtractionConsumer {
  constructor(
    private readonly intake: EventIntake,
    private readonly extraction: ExtractionService,
  ) {}

  @EventPattern(Topics.documentReceived)
  async documentReceived(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.intake.handle(DOCUMENT_RECEIVED, ctx, (e) => this.extraction.onDocumentReceived(e));
  }
}
