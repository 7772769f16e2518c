import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type Type,
} from '@nestjs/common';
import { EVENTS, type EventDefinitions, type EventOf, type EventType } from '@ct/contracts';
import { BatchEventConsumer, type BatchConsumerOptions } from './batch-consumer';
import { ConsumerGroups } from './consumer-groups';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

type TopicOf<T extends EventType> = EventDefinitions[T]['topic'];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type IsUnion<U> = [U] extends [UnionToIntersection<U>] ? false : true;

/**
 * The event types one consumer reads: one type, or several that travel on
 * the same topic. Types of different topics do not compile (a consumer
 * group must subscribe to one set of topics).
 */
export type OneTopicTypes<T extends EventType> =
  IsUnion<TopicOf<T>> extends true ? never : T | readonly T[];

/** A consumer, declared once from its contract: the topic follows from the event types. */
export interface ConsumerSpec<T extends EventType, H> {
  /** The class name, for logs and Nest's container. */
  name: string;
  types: OneTopicTypes<T>;
  /** The provider that applies the events. */
  handler: Type<H>;
  /** Apply a batch in one transaction; a failing batch is retried one event at a time. */
  apply: (handler: H, events: EventOf<T>[]) => Promise<void>;
  /**
   * A consumer group of its own, `<service>-<group>` (default: the service's
   * group). A service reading a second topic needs one.
   */
  group?: string;
  chunk?: BatchConsumerOptions<T>['chunk'];
  partitionsConsumedConcurrently?: BatchConsumerOptions<T>['partitionsConsumedConcurrently'];
}

/**
 * The Nest provider class of a consumer: it runs a BatchEventConsumer for
 * the application's lifetime (started at bootstrap, left cleanly at
 * shutdown); brokers, group and retries come from the service's
 * MessagingOptions.
 */
export function batchConsumer<T extends EventType, H>(
  spec: ConsumerSpec<T, H>,
): Type<OnApplicationBootstrap & BeforeApplicationShutdown> {
  const types = (Array.isArray(spec.types) ? spec.types : [spec.types]) as T[];
  const topic = EVENTS[types[0]].topic;

  @Injectable()
  class Consumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
    private readonly consumer: BatchEventConsumer<T>;

    constructor(
      @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
      @Inject(spec.handler) handler: H,
      @Inject(DeadLetterPublisher) deadLetters: DeadLetterPublisher,
      @Inject(ConsumerGroups) groups: ConsumerGroups,
    ) {
      const groupId = spec.group ? `${options.service}-${spec.group}` : options.groupId;
      if (!groupId) throw new Error(`${spec.name} needs MessagingOptions.groupId`);
      this.consumer = new BatchEventConsumer({
        topic,
        type: types.length === 1 ? types[0] : types,
        applyMany: (events) => spec.apply(handler, events),
        applyOne: (event) => spec.apply(handler, [event]),
        chunk: spec.chunk,
        partitionsConsumedConcurrently: spec.partitionsConsumedConcurrently,
        service: spec.group ? `${options.service}-${spec.group}` : options.service,
        brokers: options.brokers,
        security: options.security,
        groupId,
        deadLetters,
        maxAttempts: options.maxAttempts,
      });
      groups.register(spec.name, () => this.consumer.groupJoined);
    }

    onApplicationBootstrap(): Promise<void> {
      return this.consumer.start();
    }

    /** Before the producer, relay and database close: a batch in flight can still finish. */
    beforeApplicationShutdown(): Promise<void> {
      return this.consumer.stop();
    }
  }
  Object.defineProperty(Consumer, 'name', { value: spec.name });
  return Consumer;
}
