import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { COMMITMENT_EXTRACTED, Topics } from '@ct/contracts';
import { EventIntake } from '@ct/messaging';
import { RegisterService } from './register.service';

@Controller()
export class ItemsConsumer {
  constructor(
    private readonly intake: EventIntake,
    private readonly register: RegisterService,
  ) {}

  @EventPattern(Topics.commitmentExtracted)
  async commitmentExtracted(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.intake.handle(COMMITMENT_EXTRACTED, ctx, (e) =>
      this.register.onCommitmentExtracted(e),
    );
  }
}
