import { z } from 'zod';
import { alertDeliveredEvent, alertFailedEvent, alertRaisedEvent } from './events/alert.events';
import { commitmentChangedEvent } from './events/commitment-changed.event';
import { commitmentExtractedEvent } from './events/commitment-extracted.event';
import { documentExtractedEvent } from './events/document-extracted.event';
import { documentReceivedEvent } from './events/document-received.event';
import { principalChangedEvent } from './events/principal-changed.event';
import type { TopicName } from './topics';

/** Every event type the system publishes; producers and consumers share it. */
export const EVENTS = {
  [documentReceivedEvent.type]: documentReceivedEvent,
  [documentExtractedEvent.type]: documentExtractedEvent,
  [commitmentExtractedEvent.type]: commitmentExtractedEvent,
  [commitmentChangedEvent.type]: commitmentChangedEvent,
  [alertRaisedEvent.type]: alertRaisedEvent,
  [alertDeliveredEvent.type]: alertDeliveredEvent,
  [alertFailedEvent.type]: alertFailedEvent,
  [principalChangedEvent.type]: principalChangedEvent,
} as const;

export type EventDefinitions = typeof EVENTS;
export type EventType = keyof EventDefinitions;
export type EventOf<T extends EventType> = z.infer<EventDefinitions[T]['schema']>;
export type DataOf<T extends EventType> = EventOf<T>['data'];
export type AnyEvent = { [T in EventType]: EventOf<T> }[EventType];

export function topicOf(type: EventType): TopicName {
  return EVENTS[type].topic;
}

export type ParseResult<T> = { ok: true; event: T } | { ok: false; reason: string };

/**
 * Validate an incoming message (already JSON-decoded, or raw) as an event of
 * the given type. The reason names every failing field, for the dead-letter topic.
 */
export function parseEvent<T extends EventType>(type: T, raw: unknown): ParseResult<EventOf<T>> {
  if (raw === null || raw === undefined) return { ok: false, reason: 'empty message value' };
  if (typeof raw === 'string') {
    return { ok: false, reason: `value is not a JSON object: ${truncate(raw, 80)}` };
  }
  if (Buffer.isBuffer(raw)) return { ok: false, reason: 'value is binary, not JSON' };
  const result = EVENTS[type].schema.safeParse(raw);
  if (result.success) return { ok: true, event: result.data as EventOf<T> };
  return { ok: false, reason: `invalid ${type}: ${z.prettifyError(result.error)}` };
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
