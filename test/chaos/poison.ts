import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@ct/contracts';
import { SYSTEM_CONSUMERS } from '@ct/testing';

const TYPE_ON: Record<string, string> = {
  [Topics.documentReceived]: 'document.received',
  [Topics.documentExtracted]: 'document.extracted',
  [Topics.commitmentExtracted]: 'commitment.extracted',
  [Topics.commitmentChanged]: 'commitment.changed',
  [Topics.alerts]: 'alert.raised',
};

export interface Poison {
  key: string;
  topic: string;
  kind: 'invalid JSON' | 'unknown schema version' | 'oversized (1.5 MB)';
}

const envelope = (type: string, data: unknown) =>
  JSON.stringify({
    specversion: '1.0',
    id: `poison-${Math.random().toString(36).slice(2)}`,
    source: '/chaos',
    type,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
  });

/** Three bad messages on every consumed topic; returns what was sent, each with its own key. */
export async function injectPoison(brokers: string[], round: number): Promise<Poison[]> {
  const producer = new Kafka({
    clientId: 'chaos-poison',
    brokers,
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  const sent: Poison[] = [];
  try {
    for (const topic of Object.keys(SYSTEM_CONSUMERS)) {
      const type = TYPE_ON[topic];
      const bad: [Poison['kind'], string][] = [
        ['invalid JSON', '{"specversion":"1.0","id":'],
        ['unknown schema version', envelope(`${type}.v9`, { itemId: 'x' })],
        ['oversized (1.5 MB)', envelope(`${type}.v1`, { padding: 'x'.repeat(1_500_000) })],
      ];
      for (const [kind, value] of bad) {
        const key = `poison:${round}:${topic}:${kind}`;
        await producer.send({ topic, messages: [{ key, value }] });
        sent.push({ key, topic, kind });
      }
    }
  } finally {
    await producer.disconnect();
  }
  return sent;
}
