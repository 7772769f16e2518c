import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import type { EventOf, EventType } from '@ct/contracts';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { readEvent } from './json-decode';
import { isTransient } from './transient-error';
import { UnprocessableEventError } from './unprocessable-event';
import { eventsConsumed, observeWait, watchConsumerLag } from './messaging.metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/**
 * The way in for every consumed event: decode, validate against the contract,
 * then run the handler. A message that is not a valid event goes to the
 * dead-letter topic at once; a valid one whose handler keeps failing is
 * retried by Kafka (its offset stays uncommitted) and dead-lettered after
 * `maxAttempts`, so one bad message never blocks its partition for good.
 * An UnprocessableEventError skips the retries. A failure because the
 * database or broker is unavailable is not counted:
 * such events are retried for as long as the outage lasts, never dead-lettered.
 */
@Injectable()
export class EventIntake {
  private readonly logger = new Logger(EventIntake.name);
  private readonly attempts = new Map<string, number>();
  private readonly maxAttempts: number;
  private readonly group: string;
  private readonly brokers: string[];

  constructor(
    private readonly deadLetters: DeadLetterPublisher,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.group = options.groupId ?? options.service;
    this.brokers = options.brokers;
  }

  async handle<T extends EventType>(
    type: T,
    ctx: KafkaContext,
    handler: (event: EventOf<T>) => Promise<void>,
  ): Promise<void> {
    const message = ctx.getMessage();
    const failed = {
      topic: ctx.getTopic(),
      partition: ctx.getPartition(),
      offset: message.offset,
      key: message.key,
      value: message.value,
      headers: message.headers as Record<string, unknown> | undefined,
    };
    const where = `${failed.topic}/${failed.partition}@${failed.offset}`;
    watchConsumerLag(this.brokers, this.group, failed.topic);
    const count = (outcome: string) =>
      eventsConsumed.inc({ group: this.group, topic: failed.topic, outcome });

    const parsed = readEvent(type, message.value);
    if (!parsed.ok) {
      this.logger.warn({ where, reason: parsed.reason }, 'invalid event dead-lettered');
      await this.deadLetters.publish(failed, parsed.reason);
      count('invalid');
      return;
    }

    observeWait(this.group, failed.topic, parsed.event.time);
    try {
      await handler(parsed.event);
      this.attempts.delete(where);
      count('processed');
    } catch (err) {
      if (isTransient(err)) {
        this.logger.warn(
          { where, err },
          'dependency unavailable; will retry without counting an attempt',
        );
        throw err;
      }
      const attempt = (this.attempts.get(where) ?? 0) + 1;
      const reason = err instanceof Error ? err.message : String(err);
      if (err instanceof UnprocessableEventError) {
        this.attempts.delete(where);
        this.logger.warn({ where, reason }, 'event cannot be processed here; dead-lettered');
        await this.deadLetters.publish(failed, `unprocessable: ${reason}`);
        count('dead_lettered');
        return;
      }
      if (attempt < this.maxAttempts) {
        this.attempts.set(where, attempt);
        this.logger.warn({ where, attempt, err }, `handler failed, will retry: ${reason}`);
        count('failed');
        throw err;
      }
      this.attempts.delete(where);
      this.logger.error({ where, attempt, err }, `handler failed ${attempt} times, dead-lettered`);
      await this.deadLetters.publish(
        failed,
        `processing failed after ${attempt} attempts: ${reason}`,
      );
      count('dead_lettered');
    }
  }
}
