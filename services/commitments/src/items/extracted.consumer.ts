import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { COMMITMENT_EXTRACTED, Topics } from '@ct/contracts';
import {
  BatchEventConsumer,
  DeadLetterPublisher,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from '@ct/messaging';
import { RegisterService } from './register.service';

/**
 * Reads commitments.extracted in batches (many events per transaction) rather
 * than through the Nest transport's one-message-at-a-time loop: this topic
 * carries every commitment of every document.
 */
@Injectable()
export class ExtractedConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumer: BatchEventConsumer<typeof COMMITMENT_EXTRACTED>;

  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    register: RegisterService,
    deadLetters: DeadLetterPublisher,
  ) {
    if (!options.groupId) throw new Error('ExtractedConsumer needs MessagingOptions.groupId');
    this.consumer = new BatchEventConsumer({
      service: options.service,
      brokers: options.brokers,
      groupId: options.groupId,
      topic: Topics.commitmentExtracted,
      type: COMMITMENT_EXTRACTED,
      applyMany: (events) => register.applyMany(events),
      applyOne: (event) => register.onCommitmentExtracted(event),
      deadLetters,
      maxAttempts: options.maxAttempts,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.consumer.stop();
  }
}
