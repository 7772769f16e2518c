import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { TEST_KAFKA_BROKERS } from '@ct/testing';
import { ensureTopics } from '../src/topic-provisioner';

// The pinned Kafka 4.x broker and kafkajs 2.2.4 must agree on the protocol
// versions the services use: produce, consume in a group, commit, admin.
describe('kafkajs against the project broker', () => {
  const kafka = new Kafka({
    clientId: 'smoke',
    brokers: TEST_KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const topic = `smoke.${randomUUID()}.v1`;

  beforeAll(() => admin.connect());
  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('provisions topics idempotently and grows partitions to spec', async () => {
    const first = await ensureTopics(TEST_KAFKA_BROKERS, [{ name: topic as never, partitions: 2 }]);
    expect(first).toEqual({ created: [topic], grown: [] });
    const again = await ensureTopics(TEST_KAFKA_BROKERS, [{ name: topic as never, partitions: 3 }]);
    expect(again).toEqual({ created: [], grown: [topic] });
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(meta.topics[0].partitions).toHaveLength(3);
  });

  it('produces, consumes in a group and commits offsets', async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: ['a', 'b', 'c'].map((k) => ({ key: k, value: `value-${k}` })),
    });
    await producer.disconnect();

    const groupId = `smoke-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen: string[] = [];
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`only saw ${seen.join(',')}`)), 30_000);
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          seen.push(message.value!.toString());
          await consumer.commitOffsets([
            { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
          ]);
          if (seen.length === 3) {
            clearTimeout(timer);
            done();
          }
        },
      });
    });
    await consumer.disconnect();

    expect(seen.sort()).toEqual(['value-a', 'value-b', 'value-c']);
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = offsets.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
    expect(committed).toBe(3);
  });
});
