import { Logger } from '@nestjs/common';
import { Kafka, type Consumer, type EachBatchPayload, type KafkaMessage } from 'kafkajs';
import { TOPIC_SPECS, type EventOf, type EventType } from '@ct/contracts';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { GroupCommit } from './group-commit';
import { readEventOfTypes } from './json-decode';
import { isTransient } from './transient-error';
import { UnprocessableEventError } from './unprocessable-event';
import { batchApply, eventsConsumed, observeWait, watchConsumerLag } from './messaging.metrics';
import { within } from '@ct/platform';
import { KAFKA_CLOSE_MS, kafkaClientConfig } from './kafka-config';
import type { KafkaSecurity } from './kafka-settings';

export interface BatchConsumerOptions<T extends EventType> {
  service: string;
  brokers: string[];
  security?: KafkaSecurity;
  groupId: string;
  topic: string;
  /** The event type the topic carries, or the types when it carries several. */
  type: T | readonly T[];
  /** Apply many events in one transaction; throws if any fails. */
  applyMany: (events: EventOf<T>[]) => Promise<void>;
  /** Apply one event on its own, to isolate a failure in a chunk. */
  applyOne: (event: EventOf<T>) => Promise<void>;
  deadLetters: DeadLetterPublisher;
  /** Events per transaction (default 1000). */
  chunk?: number;
  maxAttempts?: number;
  /** Partition handlers running at once (default: every partition of a topic). */
  partitionsConsumedConcurrently?: number;
}

const DEFAULT_CHUNK = 1000;

/**
 * A kafkajs consumer for high-volume topics: a batch at a time, invalid
 * messages dead-lettered at once, valid ones applied in chunks, each chunk in
 * one database transaction with the offsets resolved after it commits (chunks
 * of several partitions handed in together share one: see GroupCommit). A chunk
 * that fails is retried one event at a time, so one bad event neither blocks
 * nor takes down its neighbours; an event that keeps failing is dead-lettered.
 * (The Nest Kafka transport hands a handler one message at a time, hence this class.)
 */
export class BatchEventConsumer<T extends EventType> {
  private readonly logger = new Logger(BatchEventConsumer.name);
  private readonly consumer: Consumer;
  private readonly attempts = new Map<string, number>();
  private readonly types: readonly T[];
  private readonly commits: GroupCommit<EventOf<T>>;
  private joined = false;

  constructor(private readonly o: BatchConsumerOptions<T>) {
    this.types = Array.isArray(o.type) ? o.type : [o.type as T];
    this.commits = new GroupCommit(async (events) => {
      const applying = batchApply.startTimer({ group: o.groupId, topic: o.topic });
      await o.applyMany(events);
      applying();
    }, o.chunk ?? DEFAULT_CHUNK);
    this.consumer = new Kafka(
      kafkaClientConfig(`${o.service}-batch`, o.brokers, o.security),
    ).consumer({
      groupId: o.groupId,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: 2 * 1024 * 1024,
      // Leaving waits for the fetch in flight: an idle fetch ends after this long
      // (kafkajs default 5 s), so a stopping service is gone in about a second.
      maxWaitTimeInMs: 1000,
    });
    const { GROUP_JOIN, CRASH, STOP, DISCONNECT } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, () => (this.joined = true));
    for (const left of [CRASH, STOP, DISCONNECT])
      this.consumer.on(left, () => (this.joined = false));
  }

  /** Whether the consumer is in its group now (joined, and not crashed or stopped since). */
  get groupJoined(): boolean {
    return this.joined;
  }

  async start(): Promise<void> {
    watchConsumerLag(this.o.brokers, this.o.groupId, this.o.topic, this.o.security);
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.o.topic, fromBeginning: true });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      // One handler per partition: their chunks then meet in one GroupCommit.
      partitionsConsumedConcurrently:
        this.o.partitionsConsumedConcurrently ??
        TOPIC_SPECS.find((t) => t.name === this.o.topic)?.partitions ??
        1,
      eachBatch: (payload) => this.handle(payload),
    });
  }

  /**
   * Leave the group: the batch in flight finishes (or, with the broker gone,
   * is abandoned after a while; its offsets are not committed, so it is redelivered).
   */
  async stop(): Promise<void> {
    const left = await within(KAFKA_CLOSE_MS, this.consumer.disconnect(), (err) =>
      this.logger.warn({ err, group: this.o.groupId }, 'leaving the group failed'),
    );
    if (!left)
      this.logger.warn(
        { group: this.o.groupId, waitedMs: KAFKA_CLOSE_MS },
        'broker not answering; left without leaving the group',
      );
  }

  private async handle(p: EachBatchPayload): Promise<void> {
    const { batch } = p;
    const valid: { event: EventOf<T>; message: KafkaMessage }[] = [];
    for (const message of batch.messages) {
      const parsed = readEventOfTypes(this.types, message.value);
      if (parsed.ok) {
        observeWait(this.o.groupId, batch.topic, parsed.event.time);
        valid.push({ event: parsed.event, message });
      } else {
        this.logger.warn(
          { where: `${batch.topic}/${batch.partition}@${message.offset}`, reason: parsed.reason },
          'invalid event dead-lettered',
        );
        await this.deadLetter(batch.topic, batch.partition, message, parsed.reason);
        this.count('invalid');
      }
    }
    const size = this.o.chunk ?? DEFAULT_CHUNK;
    let from = 0;
    while (from < valid.length && p.isRunning() && !p.isStale()) {
      const chunk = valid.slice(from, from + size);
      try {
        await this.commits.submit(chunk.map((c) => c.event));
        this.count('processed', chunk.length);
      } catch (err) {
        this.logger.warn(
          { err, size: chunk.length },
          'chunk failed; applying its events one by one',
        );
        for (const c of chunk) await this.applyAlone(p, c.event, c.message);
      }
      for (const c of chunk) p.resolveOffset(c.message.offset);
      await p.heartbeat();
      from += size;
    }
    // Invalid messages (already dead-lettered) are done too.
    if (p.isRunning() && !p.isStale() && batch.messages.length > 0) {
      p.resolveOffset(batch.messages[batch.messages.length - 1].offset);
    }
    await p.commitOffsetsIfNecessary();
  }

  private async applyAlone(
    p: EachBatchPayload,
    event: EventOf<T>,
    message: KafkaMessage,
  ): Promise<void> {
    const where = `${p.batch.topic}/${p.batch.partition}@${message.offset}`;
    try {
      await this.o.applyOne(event);
      this.attempts.delete(where);
      this.count('processed');
    } catch (err) {
      if (isTransient(err)) {
        await p.commitOffsetsIfNecessary();
        throw err; // an outage: retry however long it lasts, never dead-letter
      }
      const attempt = (this.attempts.get(where) ?? 0) + 1;
      const reason = err instanceof Error ? err.message : String(err);
      if (err instanceof UnprocessableEventError) {
        this.attempts.delete(where);
        this.logger.warn({ where, reason }, 'event cannot be processed here; dead-lettered');
        await this.deadLetter(
          p.batch.topic,
          p.batch.partition,
          message,
          `unprocessable: ${reason}`,
        );
        return;
      }
      if (attempt < (this.o.maxAttempts ?? 5)) {
        this.attempts.set(where, attempt);
        this.count('failed');
        await p.commitOffsetsIfNecessary();
        throw err; // kafkajs retries from the first unresolved offset
      }
      this.attempts.delete(where);
      this.logger.error({ where, attempt, err }, 'event failed repeatedly; dead-lettered');
      await this.deadLetter(
        p.batch.topic,
        p.batch.partition,
        message,
        `processing failed after ${attempt} attempts: ${reason}`,
      );
      this.count('dead_lettered');
    }
  }

  private count(outcome: string, n = 1): void {
    eventsConsumed.inc({ group: this.o.groupId, topic: this.o.topic, outcome }, n);
  }

  private deadLetter(
    topic: string,
    partition: number,
    m: KafkaMessage,
    reason: string,
  ): Promise<void> {
    const headers: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(m.headers ?? {}))
      headers[k] = Array.isArray(v) ? v.join(',') : v;
    return this.o.deadLetters.publish(
      { topic, partition, offset: m.offset, key: m.key, value: m.value, headers },
      reason,
      this.o.groupId,
    );
  }
}
