import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConsumerGroups } from './consumer-groups';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { KafkaHealthIndicator } from './kafka.health';
import { KafkaProducer } from './kafka-producer';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { DeliveryRetention } from './outbox/delivery-retention';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxWriter } from './outbox/outbox.writer';

/**
 * Kafka plumbing for a service: producer, dead-letter publisher,
 * health check, and (when the service owns a schema) the transactional outbox.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      KafkaProducer,
      DeadLetterPublisher,
      KafkaHealthIndicator,
      ConsumerGroups,
      ...(options.outboxSchema
        ? [OutboxRepository, OutboxWriter, OutboxRelay, DeliveryRetention]
        : []),
    ];
    return {
      module: MessagingModule,
      global: true,
      imports: [TerminusModule],
      providers,
      exports: providers,
    };
  }
}
