import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { within } from '@ct/platform';
import { KAFKA_CLOSE_MS } from '../kafka-config';
import { KafkaProducer, type OutgoingMessage } from '../kafka-producer';
import { outboxPublished, outboxSend } from '../messaging.metrics';
import { OutboxRepository } from './outbox.repository';

const BATCH = 500;
const IDLE_POLL_MS = 250;
const MAX_BACKOFF_MS = 5000;

/**
 * Publishes committed outbox rows to Kafka in order, then marks them sent.
 * One replica relays at a time (a transaction-scoped advisory lock on the
 * outbox): two relaying side by side would each take a batch, and the later
 * batch could reach Kafka first, putting an item's version 2 before its
 * version 1. A crash between send and mark re-sends the rows, which consumers
 * absorb by event id (at-least-once, effectively once).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private failures = 0;
  /** A commit asked for a pass while one ran: its rows may have come after that pass's read. */
  private nudged = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly producer: KafkaProducer,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // A pass sending to a broker that is gone retries for seconds; its rows stay
    // unmarked (the transaction never commits) and are sent after the restart.
    if (this.running && !(await within(KAFKA_CLOSE_MS, this.running)))
      this.logger.warn('relay pass still sending at shutdown; abandoned');
  }

  /** Ask for a relay pass now (after a commit) instead of at the next poll. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.nudged = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => (this.running = undefined));
    }, ms);
  }

  private async pass(): Promise<void> {
    this.nudged = false;
    let sent = 0;
    try {
      sent = await this.relayBatch();
      this.failures = 0;
    } catch (err) {
      this.failures++;
      this.logger.warn({ err, failures: this.failures }, 'outbox relay pass failed');
    }
    const backoff = Math.min(MAX_BACKOFF_MS, IDLE_POLL_MS * 2 ** this.failures);
    const more = sent === BATCH || this.nudged;
    this.schedule(this.failures > 0 ? backoff : more ? 0 : IDLE_POLL_MS);
  }

  /** Publish one batch in order and mark it. Returns how many rows went out (0 while another replica relays). */
  async relayBatch(): Promise<number> {
    return this.outbox.relayBatch(BATCH, async (rows) => {
      const byTopic = new Map<string, OutgoingMessage[]>();
      for (const r of rows) {
        const list = byTopic.get(r.topic) ?? [];
        list.push({
          key: r.key,
          value: r.payload, // jsonb's own text: no parse and re-serialise
          headers: { 'content-type': 'application/cloudevents+json' },
        });
        byTopic.set(r.topic, list);
      }
      const sending = outboxSend.startTimer();
      await this.producer.sendBatch([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      sending();
      for (const [topic, messages] of byTopic) outboxPublished.inc({ topic }, messages.length);
    });
  }
}
