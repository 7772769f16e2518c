import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  json<T = unknown>(): T;
  /** The parsed value, or undefined when it is not JSON (poison messages from other tests). */
  tryJson<T = unknown>(): T | undefined;
}

/**
 * Reads topics from the beginning in a consumer group of its own, collecting
 * every message, so a test can wait for the ones it expects.
 */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private readonly consumer: Consumer;
  private waiters: (() => void)[] = [];

  private constructor(brokers: string[]) {
    this.consumer = new Kafka({
      clientId: 'test-reader',
      brokers,
      logLevel: logLevel.NOTHING,
    }).consumer({
      groupId: `test-reader-${randomUUID()}`,
    });
  }

  static async open(brokers: string[], topics: string[]): Promise<TopicReader> {
    const reader = new TopicReader(brokers);
    await reader.consumer.connect();
    await reader.consumer.subscribe({ topics, fromBeginning: true });
    await reader.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        reader.messages.push(toRead(topic, partition, message));
        reader.waiters.forEach((w) => w());
      },
    });
    return reader;
  }

  /** Resolve with the matching messages once at least `count` have arrived. */
  async waitFor(
    predicate: (m: ReadMessage) => boolean,
    count = 1,
    timeoutMs = 30_000,
  ): Promise<ReadMessage[]> {
    const deadline = Date.now() + timeoutMs;
    // Each message is tested once: a topic with thousands of earlier messages
    // (a reused local broker) must not make every wake-up rescan them all.
    const found: ReadMessage[] = [];
    let checked = 0;
    for (;;) {
      for (; checked < this.messages.length; checked++) {
        if (predicate(this.messages[checked])) found.push(this.messages[checked]);
      }
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `timed out waiting for ${count} message(s); saw ${found.length} matching of ${this.messages.length}`,
        );
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => (clearTimeout(t), resolve()));
      });
      this.waiters = [];
    }
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
  }
}

function toRead(topic: string, partition: number, m: KafkaMessage): ReadMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.map(String).join(',') : String(v);
  }
  let parsed: { value: unknown } | undefined;
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key ? m.key.toString() : null,
    value: m.value,
    headers,
    json: <T>() => JSON.parse(m.value?.toString() ?? 'null') as T,
    tryJson: <T>() => {
      if (parsed === undefined) {
        try {
          parsed = { value: JSON.parse(m.value?.toString() ?? 'null') };
        } catch {
          parsed = { value: undefined };
        }
      }
      return parsed.value as T | undefined;
    },
  };
}
