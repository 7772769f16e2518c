import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import type { IHeaders, Producer, RecordMetadata } from 'kafkajs';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { within } from '@ct/platform';
import { KAFKA_CLOSE_MS, kafkaClientConfig } from './kafka-config';

export interface OutgoingMessage {
  key: string | null;
  value: string | Buffer | null;
  headers?: IHeaders;
}

/**
 * The service's one Kafka producer; every send waits for all in-sync
 * replicas. Built on the Nest Kafka client in producer-only mode; the rest of
 * the code sees only `send`, so the client library can be swapped here.
 */
@Injectable()
export class KafkaProducer implements OnModuleInit, OnApplicationShutdown {
  private readonly client: ClientKafka;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.client = new ClientKafka({
      postfixId: '',
      client: kafkaClientConfig(`${options.service}-producer`, options.brokers, options.security),
      // Not kafkajs's idempotent mode: it wants unbounded retries, which would hold the
      // outbox transaction open through a broker outage. Duplicates from a retried
      // send are absorbed by consumers, which deduplicate by event id.
      // No retries inside kafkajs: its retry of a send skips every broker that answered
      // the first attempt, so messages for a partition whose leader moved to such a
      // broker (a broker killed mid-send) are dropped while the send reports success;
      // the cluster fault test lost commitments that way. A failed send fails whole
      // instead, and its caller sends it all again: the outbox relay after a backoff,
      // a consumer by redelivery (consumers absorb the duplicates by event id).
      producer: { maxInFlightRequests: 1, allowAutoTopicCreation: false, retry: { retries: 0 } },
      producerOnlyMode: true,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.client.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await within(KAFKA_CLOSE_MS, this.client.close());
  }

  private get producer(): Producer {
    return this.client.producer;
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<RecordMetadata[]> {
    return this.producer.send({ topic, acks: -1, messages });
  }

  async sendBatch(batch: { topic: string; messages: OutgoingMessage[] }[]): Promise<void> {
    await this.producer.sendBatch({ acks: -1, topicMessages: batch });
  }
}
