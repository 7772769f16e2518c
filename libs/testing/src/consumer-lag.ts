import { withKafkaAdmin } from './kafka-admin';
import { Topics } from '@ct/contracts';

/** Which consumer groups of the system read which topic (README, topic table). */
export const SYSTEM_CONSUMERS: Record<string, readonly string[]> = {
  [Topics.documentReceived]: ['ingestion-extractor'],
  [Topics.documentExtracted]: ['commitments-runs'],
  [Topics.commitmentExtracted]: ['commitments-register'],
  [Topics.commitmentChanged]: ['notifications-deadlines', 'dashboard-stream'],
  [Topics.alerts]: ['dashboard-alerts'],
};

/** The same as (group, topic) pairs, as consumerLag takes them. */
export const SYSTEM_SUBSCRIPTIONS = Object.entries(SYSTEM_CONSUMERS).flatMap(([topic, groups]) =>
  groups.map((g) => [g, topic] as const),
);

/**
 * Messages these consumer groups have yet to read on these topics, summed: 0
 * when the system has caught up. (Also used by the benchmarks, from dist/.)
 */
export async function consumerLag(
  brokers: string[],
  groups: readonly (readonly [groupId: string, topic: string])[],
): Promise<number> {
  return withKafkaAdmin(brokers, 'consumer-lag', async (admin) => {
    let lag = 0;
    for (const [groupId, topic] of groups) {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      for (const p of ends) {
        const at = Number(
          committed.partitions.find((x) => x.partition === p.partition)?.offset ?? -1,
        );
        lag += Math.max(0, Number(p.high) - Math.max(at, Number(p.low)));
      }
    }
    return lag;
  });
}
