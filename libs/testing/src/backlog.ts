import { Kafka, logLevel } from 'kafkajs';
import { TOPIC_SPECS } from '@ct/contracts';

/**
 * Delete every record so far on the system's topics, so that a test which
 * starts the whole system sees only its own events. Earlier tests on the
 * shared test broker leave events for documents this test's database never
 * held; working through that backlog (each one a dead letter) would only
 * delay it. Consumer groups whose committed offsets fall before the new start
 * of a partition resume from that start. Call it before starting services.
 * Compacted topics are left alone: the broker refuses to delete their records,
 * and they carry current state (principals) that is harmless to read again.
 */
export async function skipBacklog(brokers: string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'test-skip-backlog',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const deletable = TOPIC_SPECS.filter((s) => s.config?.['cleanup.policy'] !== 'compact');
    for (const { name: topic } of deletable) {
      await retrying(async () => {
        const partitions = (await admin.fetchTopicOffsets(topic)).map((p) => ({
          partition: p.partition,
          offset: '-1', // up to the high watermark: everything written so far
        }));
        await admin.deleteTopicRecords({ topic, partitions });
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Retry what a broker refuses for now: on a broker started a moment ago, the
 * partitions of topics just created may have no leader yet ("This server is
 * not the leader for that topic-partition").
 */
async function retrying(step: () => Promise<void>, attempts = 40): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (attempt >= attempts || !(err as { retriable?: boolean }).retriable) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
