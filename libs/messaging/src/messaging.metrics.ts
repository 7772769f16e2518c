import { Kafka, logLevel, type Admin } from 'kafkajs';
import { counter, gauge, histogram } from '@ct/platform';
import type { KafkaSecurity } from './kafka-settings';

/** Events taken from Kafka, by consumer group, topic and what became of them. */
export const eventsConsumed = counter({
  name: 'ct_events_consumed_total',
  help: 'Events read from Kafka: processed, invalid (dead-lettered at once), dead_lettered after failing, or failed (retried)',
  labelNames: ['group', 'topic', 'outcome'] as const,
});

/** Outbox rows published by the relay, by topic. */
export const outboxPublished = counter({
  name: 'ct_outbox_published_total',
  help: 'Events published from the transactional outbox',
  labelNames: ['topic'] as const,
});

const STAGE_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * How long an event waited between being written (its CloudEvents `time`, set
 * when its outbox row was) and being taken by a consumer: the outbox relay's
 * delay plus Kafka's. With the two histograms below, a per-stage breakdown.
 */
export const eventWait = histogram({
  name: 'ct_event_wait_seconds',
  help: 'From an event being written to its outbox to a consumer taking it',
  labelNames: ['group', 'topic'] as const,
  buckets: STAGE_BUCKETS,
});

/** Applying consumed events in the database, per chunk of a batch (a transaction). */
export const batchApply = histogram({
  name: 'ct_batch_apply_seconds',
  help: 'Applying a chunk of consumed events in one database transaction',
  labelNames: ['group', 'topic'] as const,
  buckets: STAGE_BUCKETS,
});

/** The outbox relay's sends to Kafka, per batch (produce until acknowledged). */
export const outboxSend = histogram({
  name: 'ct_outbox_send_seconds',
  help: 'Producing a batch of outbox rows to Kafka until the broker acknowledged it',
  buckets: STAGE_BUCKETS,
});

/** Record how long this event waited, from its own timestamp. */
export function observeWait(group: string, topic: string, time: string | undefined): void {
  const written = time ? Date.parse(time) : NaN;
  if (Number.isFinite(written))
    eventWait.observe({ group, topic }, Math.max(0, Date.now() - written) / 1000);
}

interface Watched {
  brokers: string[];
  security?: KafkaSecurity;
  group: string;
  topic: string;
}
const watched = new Map<string, Watched>();
const admins = new Map<string, Admin>();

/** Report this group's lag on this topic in ct_consumer_lag (read from Kafka at each scrape). */
export function watchConsumerLag(
  brokers: string[],
  group: string,
  topic: string,
  security?: KafkaSecurity,
): void {
  watched.set(`${group}\u0000${topic}`, { brokers, security, group, topic });
}

async function adminFor(brokers: string[], security: KafkaSecurity = {}): Promise<Admin> {
  const key = brokers.join(',');
  let admin = admins.get(key);
  if (!admin) {
    admin = new Kafka({
      clientId: 'ct-metrics',
      brokers,
      ...security,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    }).admin();
    await admin.connect();
    admins.set(key, admin);
  }
  return admin;
}

gauge({
  name: 'ct_consumer_lag',
  help: 'Messages not yet consumed: the partition end offset minus the group committed offset',
  labelNames: ['group', 'topic', 'partition'] as const,
  async collect() {
    this.reset();
    for (const { brokers, security, group, topic } of watched.values()) {
      try {
        const admin = await adminFor(brokers, security);
        // One at a time: concurrent first requests on a fresh admin failed here with "No brokers in the broker pool".
        const ends = await admin.fetchTopicOffsets(topic);
        const committed = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        const done = new Map(
          committed[0]?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? [],
        );
        for (const p of ends) {
          const at = done.get(p.partition) ?? -1;
          const lag = Number(p.high) - (at < 0 ? Number(p.low) : at);
          this.set({ group, topic, partition: String(p.partition) }, Math.max(0, lag));
        }
      } catch {
        // Kafka unavailable: no lag figures this scrape (health says why).
      }
    }
  },
});
