import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventType } from '@ct/contracts';
import { BatchEventConsumer, type BatchConsumerOptions } from './batch-consumer';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import type { MessagingOptions } from './messaging.options';

/** What a service says about a topic it reads in batches; brokers, group and retries come from its MessagingOptions. */
export type BatchSubscription<T extends EventType> = Pick<
  BatchConsumerOptions<T>,
  'topic' | 'type' | 'applyMany' | 'applyOne' | 'chunk' | 'partitionsConsumedConcurrently'
> & {
  /** A consumer group of its own (default: the service's group). */
  groupId?: string;
  /** Kafka client id (default: the service's name). */
  clientId?: string;
};

/**
 * Base of a Nest provider that runs a BatchEventConsumer for the
 * application's lifetime: started at bootstrap, left cleanly at shutdown.
 */
export abstract class BatchConsumerProvider<T extends EventType>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly consumer: BatchEventConsumer<T>;

  protected constructor(
    options: MessagingOptions,
    deadLetters: DeadLetterPublisher,
    {
      groupId = options.groupId,
      clientId = options.service,
      ...subscription
    }: BatchSubscription<T>,
  ) {
    if (!groupId) throw new Error(`${new.target.name} needs MessagingOptions.groupId`);
    this.consumer = new BatchEventConsumer({
      ...subscription,
      service: clientId,
      brokers: options.brokers,
      groupId,
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
