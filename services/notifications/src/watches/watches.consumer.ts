import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { COMMITMENT_CHANGED, Topics } from '@ct/contracts';
import { EventIntake } from '@ct/messaging';
import { WatchesService } from './watches.service';

@Controller()
export class WatchesConsumer {
  constructor(
    private readonly intake: EventIntake,
    private readonly watches: WatchesService,
  ) {}

  @EventPattern(Topics.commitmentChanged)
  async commitmentChanged(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.intake.handle(COMMITMENT_CHANGED, ctx, (e) => this.watches.onCommitmentChanged(e));
  }
}
