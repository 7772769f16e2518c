import { Inject, Injectable } from '@nestjs/common';
import { DeadLetterHeaders, MAX_REASON_LENGTH, Topics } from '@ct/contracts';
import { KafkaProducer } from './kafka-producer';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

export interface FailedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, unknown>;
}

/**
 * Sends a message that cannot be processed to the dead-letter topic: the
 * original key and bytes untouched, the reason and origin in headers.
 */
@Injectable()
export class DeadLetterPublisher {
  constructor(
    private readonly producer: KafkaProducer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  /** `group`: the consumer group that gave up on it, when not the service's main one. */
  async publish(msg: FailedMessage, reason: string, group?: string): Promise<void> {
    const original: Record<string, string> = {};
    for (const [k, v] of Object.entries(msg.headers ?? {})) {
      if (typeof v === 'string' && !k.startsWith('dlq-')) original[k] = v;
      else if (Buffer.isBuffer(v) && !k.startsWith('dlq-')) original[k] = v.toString();
    }
    await this.producer.send(Topics.deadLetter, [
      {
        key: msg.key === null ? null : String(msg.key),
        value: msg.value,
        headers: {
          ...original,
          [DeadLetterHeaders.reason]: reason.slice(0, MAX_REASON_LENGTH),
          [DeadLetterHeaders.originalTopic]: msg.topic,
          [DeadLetterHeaders.originalPartition]: String(msg.partition),
          [DeadLetterHeaders.originalOffset]: msg.offset,
          [DeadLetterHeaders.consumerGroup]: group ?? this.options.groupId ?? this.options.service,
          [DeadLetterHeaders.failedAt]: new Date().toISOString(),
        },
      },
    ]);
  }
}
