import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@ct/contracts';

/**
 * Delete every record so far on the system's topics, so that a test which
 * starts the whole system sees only its own events. Earlier tests on the
 * shared test broker leave events for documents this test's database never
 * held; working through that backlog (each one a dead letter) would only
 * delay it. Consumer groups whose committed offsets fall before the new start
 * of a partition resume from that start. Call it before starting services.
 */
export async function skipBacklog(brokers: string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'test-skip-backlog',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    for (const topic of Object.values(Topics)) {
      const partitions = (await admin.fetchTopicOffsets(topic)).map((p) => ({
        partition: p.partition,
        offset: '-1', // up to the high watermark: everything written so far
      }));
      await admin.deleteTopicRecords({ topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
}
