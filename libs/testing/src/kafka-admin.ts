import { Kafka, logLevel, type Admin } from 'kafkajs';

/** Run `fn` with a connected kafkajs admin client (quiet), disconnected afterwards. */
export async function withKafkaAdmin<T>(
  brokers: string[],
  clientId: string,
  fn: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}
