import { Kafka, logLevel, type Admin } from 'kafkajs';
import { counter, gauge } from '@ct/platform';

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

const watched = new Map<string, { brokers: string[]; group: string; topic: string }>();
const admins = new Map<string, Admin>();

/** Report this group's lag on this topic in ct_consumer_lag (read from Kafka at each scrape). */
export function watchConsumerLag(brokers: string[], group: string, topic: string): void {
  watched.set(`${group}\u0000${topic}`, { brokers, group, topic });
}

async function adminFor(brokers: string[]): Promise<Admin> {
  const key = brokers.join(',');
  let admin = admins.get(key);
  if (!admin) {
    admin = new Kafka({
      clientId: 'ct-metrics',
      brokers,
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
    for (const { brokers, group, topic } of watched.values()) {
      try {
        const admin = await adminFor(brokers);
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
