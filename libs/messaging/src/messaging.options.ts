import type { KafkaSecurity } from './kafka-settings';

export interface MessagingOptions {
  /** Service name: Kafka client id, CloudEvents `source`, log tag. */
  service: string;
  brokers: string[];
  /** TLS and SASL to the brokers (none: plaintext, as on the local broker). */
  security?: KafkaSecurity;
  /** Consumer group of the service's Kafka transport (omit for producer-only services). */
  groupId?: string;
  /** PostgreSQL schema holding the service's outbox and processed-events tables. */
  outboxSchema?: string;
  /** Attempts at a valid event before it is dead-lettered (default 5). */
  maxAttempts?: number;
  /** How long published outbox rows (hours, default 24) and processed-event claims (days, default 8) are kept. */
  retention?: { outboxHours?: number; processedDays?: number };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Largest event value a consumer will parse; larger ones are dead-lettered unread. */
export const MAX_EVENT_BYTES = 1024 * 1024;
