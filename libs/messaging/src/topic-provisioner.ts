import { Kafka } from 'kafkajs';
import { TOPIC_SPECS, type TopicSpec } from '@ct/contracts';
import { kafkaClientConfig } from './kafka-config';

/**
 * Create the topics the system needs (the broker never auto-creates them) and
 * grow partition counts that are below spec. Safe to run any number of times.
 */
export async function ensureTopics(
  brokers: string[],
  specs: readonly TopicSpec[] = TOPIC_SPECS,
  clientId = 'topic-provisioner',
): Promise<{ created: string[]; grown: string[] }> {
  const admin = new Kafka(kafkaClientConfig(clientId, brokers)).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: 1,
          configEntries: Object.entries(s.config ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    const present = specs.filter((s) => existing.has(s.name));
    const grown: string[] = [];
    if (present.length > 0) {
      const meta = await admin.fetchTopicMetadata({ topics: present.map((s) => s.name) });
      const toGrow = present.filter((s) => {
        const t = meta.topics.find((m) => m.name === s.name);
        return t !== undefined && t.partitions.length < s.partitions;
      });
      if (toGrow.length > 0) {
        await admin.createPartitions({
          topicPartitions: toGrow.map((s) => ({ topic: s.name, count: s.partitions })),
        });
        grown.push(...toGrow.map((s) => s.name));
      }
    }
    return { created: missing.map((s) => s.name), grown };
  } finally {
    await admin.disconnect();
  }
}
