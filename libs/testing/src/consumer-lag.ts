import { Kafka, logLevel } from 'kafkajs';

/**
 * Messages these consumer groups have yet to read on these topics, summed: 0
 * when the system has caught up. (Also used by the benchmarks, from dist/.)
 */
export async function consumerLag(
  brokers: string[],
  groups: readonly (readonly [groupId: string, topic: string])[],
): Promise<number> {
  const admin = new Kafka({
    clientId: 'consumer-lag',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
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
  } finally {
    await admin.disconnect();
  }
}
