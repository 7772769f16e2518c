import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import {
  ALERT_DELIVERED,
  ALERT_FAILED,
  ALERT_RAISED,
  COMMITMENT_CHANGED,
  Topics,
} from '@ct/contracts';
import { decodeJsonValue, EventIntake } from '@ct/messaging';
import { ItemSnapshots } from '../items/item-snapshots.store';
import { StreamStore } from './stream-store.service';

const ALERT_TYPES = [ALERT_RAISED, ALERT_DELIVERED, ALERT_FAILED] as const;

/**
 * Feeds the stream and the register's read model from Kafka (consumer group
 * dashboard-stream): item changes and alerts.
 */
@Controller()
export class StreamConsumer {
  constructor(
    private readonly intake: EventIntake,
    private readonly store: StreamStore,
    private readonly snapshots: ItemSnapshots,
  ) {}

  @EventPattern(Topics.commitmentChanged)
  async commitmentChanged(@Ctx() ctx: KafkaContext): Promise<void> {
    // The read model first: a page refreshing on the streamed event then reads the new state.
    // Both steps are idempotent, so a redelivery after a crash between them completes the pair.
    await this.intake.handle(COMMITMENT_CHANGED, ctx, async (e) => {
      await this.snapshots.apply(e.data);
      await this.store.add(e);
    });
  }

  /** alerts.v1 carries three event types: validate each against its own. */
  @EventPattern(Topics.alerts)
  async alert(@Ctx() ctx: KafkaContext): Promise<void> {
    const decoded = decodeJsonValue(ctx.getMessage().value);
    const type = (decoded.ok ? (decoded.value as { type?: unknown })?.type : undefined) as string;
    const known = ALERT_TYPES.find((t) => t === type) ?? ALERT_RAISED; // an unknown type fails validation: dead-lettered
    await this.intake.handle(known, ctx, (e) => this.store.add(e));
  }
}
