import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { TEST_KAFKA_BROKERS } from '@ct/testing';
import { ensureTopics, MissingTopicsError } from '../src/topic-provisioner';

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
    const first = await ensureTopics(TEST_KAFKA_BROKERS, {
      specs: [{ name: topic as never, partitions: 2 }],
    });
    expect(first).toEqual({ created: [topic], grown: [] });
    const again = await ensureTopics(TEST_KAFKA_BROKERS, {
      specs: [{ name: topic as never, partitions: 3 }],
    });
    expect(again).toEqual({ created: [], grown: [topic] });
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(meta.topics[0].partitions).toHaveLength(3);
  });

  it('creates topics with the policy: partitions for all and min.insync.replicas set', async () => {
    const name = `policy.${randomUUID()}.v1`;
    try {
      await ensureTopics(TEST_KAFKA_BROKERS, {
        specs: [{ name: name as never, partitions: 6 }],
        policy: { partitions: 2, replicationFactor: 1, minInsyncReplicas: 1 },
      });
      const meta = await admin.fetchTopicMetadata({ topics: [name] });
      expect(meta.topics[0].partitions).toHaveLength(2);
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [
          { type: ConfigResourceTypes.TOPIC, name, configNames: ['min.insync.replicas'] },
        ],
      });
      expect(resources[0].configEntries[0]).toMatchObject({
        configName: 'min.insync.replicas',
        configValue: '1',
        isDefault: false,
      });
    } finally {
      await admin.deleteTopics({ topics: [name] }).catch(() => undefined);
    }
  });

  it('with creation off, names the missing topics and creates none', async () => {
    const name = `absent.${randomUUID()}.v1`;
    const attempt = ensureTopics(TEST_KAFKA_BROKERS, {
      specs: [{ name: name as never, partitions: 3 }],
      policy: { create: false },
    });
    await expect(attempt).rejects.toThrow(MissingTopicsError);
    await expect(attempt).rejects.toThrow(`${name} (3 partitions)`);
    expect(await admin.listTopics()).not.toContain(name);
    // Present topics pass without change.
    await expect(
      ensureTopics(TEST_KAFKA_BROKERS, {
        specs: [{ name: topic as never, partitions: 1 }],
        policy: { create: false },
      }),
    ).resolves.toEqual({ created: [], grown: [] });
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
