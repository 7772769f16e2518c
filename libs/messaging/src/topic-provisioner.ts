import { Kafka, type Admin } from 'kafkajs';
import { TOPIC_SPECS, type TopicSpec } from '@ct/contracts';
import { kafkaClientConfig } from './kafka-config';
import type { KafkaSecurity, TopicPolicy } from './kafka-settings';

export interface EnsureTopicsOptions {
  specs?: readonly TopicSpec[];
  clientId?: string;
  security?: KafkaSecurity;
  /** Default: create missing topics, replication factor 1, each topic's own partitions. */
  policy?: Partial<TopicPolicy>;
}

export class MissingTopicsError extends Error {}

/**
 * Create the topics the system needs (the broker never auto-creates them) and
 * grow partition counts that are below spec. Safe to run any number of times.
 * With `policy.create` false nothing is changed: topics that are missing stop
 * start-up with their names, for whoever runs the cluster to create.
 */
export async function ensureTopics(
  brokers: string[],
  o: EnsureTopicsOptions = {},
): Promise<{ created: string[]; grown: string[] }> {
  const policy: TopicPolicy = {
    create: true,
    replicationFactor: 1,
    minInsyncReplicas: 1,
    ...o.policy,
  };
  const specs = (o.specs ?? TOPIC_SPECS).map((s) => ({
    ...s,
    partitions: policy.partitions ?? s.partitions,
  }));
  const admin = new Kafka(
    kafkaClientConfig(o.clientId ?? 'topic-provisioner', brokers, o.security),
  ).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.name));
    if (!policy.create) {
      if (missing.length > 0)
        throw new MissingTopicsError(
          `KAFKA_TOPICS_CREATE=false and these topics do not exist: ${missing.map((s) => `${s.name} (${s.partitions} partitions)`).join(', ')}`,
        );
      return { created: [], grown: [] };
    }
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: policy.replicationFactor,
          configEntries: Object.entries({
            'min.insync.replicas': String(policy.minInsyncReplicas),
            ...s.config,
          }).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    const grown = await growPartitions(
      admin,
      specs.filter((s) => existing.has(s.name)),
    );
    return { created: missing.map((s) => s.name), grown };
  } finally {
    await admin.disconnect();
  }
}

/** Partitions can only be added (keys then move: acceptable before a consumer group exists). */
async function growPartitions(admin: Admin, present: TopicSpec[]): Promise<string[]> {
  if (present.length === 0) return [];
  const meta = await admin.fetchTopicMetadata({ topics: present.map((s) => s.name) });
  const toGrow = present.filter((s) => {
    const t = meta.topics.find((m) => m.name === s.name);
    return t !== undefined && t.partitions.length < s.partitions;
  });
  if (toGrow.length > 0) {
    await admin.createPartitions({
      topicPartitions: toGrow.map((s) => ({ topic: s.name, count: s.partitions })),
    });
  }
  return toGrow.map((s) => s.name);
}
