/**
 * Every Kafka topic of the system, in one place. Names are dotted, lowercase
 * and versioned; a breaking change to a topic's events gets a new topic.
 * Partition counts allow two instances of each consumer group to share work.
 */
export const Topics = {
  documentReceived: 'documents.received.v1',
  documentExtracted: 'documents.extracted.v1',
  commitmentExtracted: 'commitments.extracted.v1',
  commitmentChanged: 'commitments.changed.v1',
  alerts: 'alerts.v1',
  principals: 'access.principals.v1',
  deadLetter: 'deadletter.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export interface TopicSpec {
  name: TopicName;
  partitions: number;
  /** Topic-level settings, e.g. compaction for topics that carry current state. */
  config?: Record<string, string>;
}

export const TOPIC_SPECS: readonly TopicSpec[] = [
  { name: Topics.documentReceived, partitions: 6 },
  { name: Topics.documentExtracted, partitions: 6 },
  { name: Topics.commitmentExtracted, partitions: 6 },
  { name: Topics.commitmentChanged, partitions: 6 },
  { name: Topics.alerts, partitions: 6 },
  // Current state per principal: compacted, so it stays small and a new reader gets everyone.
  { name: Topics.principals, partitions: 3, config: { 'cleanup.policy': 'compact' } },
  { name: Topics.deadLetter, partitions: 1 },
];
