import { z } from 'zod';
import { EVENTS, type EventType } from './registry';
import { TOPIC_SPECS, type TopicName } from './topics';

/** What each topic's key is: consumers rely on it for per-entity ordering. */
const KEYS: Record<TopicName, string> = {
  'documents.received.v1': 'document id',
  'documents.extracted.v1': 'document id',
  'commitments.extracted.v1': 'document id',
  'commitments.changed.v1': 'tracked item id',
  'alerts.v1': 'tracked item id',
  'access.principals.v1': 'user or API key id (compacted: the newest state of each)',
  'deadletter.v1': 'the original message key',
};

const channelId = (topic: string) => topic.replace(/\.v\d+$/u, '').replace(/\./gu, '-');

/**
 * The AsyncAPI 3.0 document of every topic and event type, generated from the
 * contracts themselves (each payload is its zod schema as JSON Schema), so it
 * cannot drift from what producers validate. `docs/asyncapi.json` is this
 * document; a unit test fails when the two differ (`npm run asyncapi` rewrites it).
 */
export function asyncApiDocument(): Record<string, unknown> {
  const types = Object.keys(EVENTS) as EventType[];
  const messages: Record<string, unknown> = {};
  for (const type of types) {
    const def = EVENTS[type];
    const schema = z.toJSONSchema(def.schema, { target: 'draft-7', io: 'output' }) as Record<
      string,
      unknown
    >;
    delete schema.$schema;
    messages[type] = {
      name: type,
      title: type,
      contentType: 'application/cloudevents+json',
      summary: `A CloudEvents 1.0 envelope of type ${type} on ${def.topic}, keyed by ${KEYS[def.topic]}.`,
      payload: schema,
      bindings: { kafka: { key: { type: 'string', description: KEYS[def.topic] } } },
    };
  }
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const spec of TOPIC_SPECS) {
    const id = channelId(spec.name);
    const onTopic = types.filter((t) => EVENTS[t].topic === spec.name);
    channels[id] = {
      address: spec.name,
      description:
        spec.name === 'deadletter.v1'
          ? 'Messages no consumer could process, as they were, with dlq-* headers giving the reason and origin.'
          : `Events of type ${onTopic.join(', ')}. Key: ${KEYS[spec.name]}.`,
      messages: Object.fromEntries(onTopic.map((t) => [t, { $ref: `#/components/messages/${t}` }])),
      bindings: { kafka: { topic: spec.name, partitions: spec.partitions } },
    };
    if (onTopic.length > 0) {
      operations[`receive-${id}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${id}` },
        summary: `Consume ${spec.name}.`,
        messages: onTopic.map((t) => ({ $ref: `#/channels/${id}/messages/${t}` })),
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Commitment tracker events',
      version: '1.0.0',
      description:
        'Every Kafka topic of the commitment tracker. Messages are CloudEvents 1.0 in structured JSON mode; a breaking change to a topic gets a new topic version.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The broker `npm start` runs (KRaft, single node).',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
