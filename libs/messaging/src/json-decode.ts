import { parseEvent, type EventOf, type EventType, type ParseResult } from '@ct/contracts';
import { MAX_EVENT_BYTES } from './messaging.options';

export type Decoded = { ok: true; value: unknown } | { ok: false; reason: string };

/** Decode a Kafka message value as JSON, refusing oversized and non-UTF-8 input with a reason. */
export function decodeJsonValue(value: Buffer | string | null | undefined): Decoded {
  if (value === null || value === undefined) return { ok: false, reason: 'empty message value' };
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
  if (bytes.length === 0) return { ok: false, reason: 'empty message value' };
  if (bytes.length > MAX_EVENT_BYTES) {
    return {
      ok: false,
      reason: `message value of ${bytes.length} bytes exceeds the limit of ${MAX_EVENT_BYTES} bytes`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'message value is not valid UTF-8' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, reason: `message value is not valid JSON: ${(err as Error).message}` };
  }
}

/** Decode a message value and validate it as an event of the given type, with a reason when it is not one. */
export function readEvent<T extends EventType>(
  type: T,
  value: Buffer | string | null | undefined,
): ParseResult<EventOf<T>> {
  const decoded = decodeJsonValue(value);
  return decoded.ok ? parseEvent(type, decoded.value) : decoded;
}

/**
 * readEvent for a topic that carries several event types: the message's own
 * `type` picks the contract it is validated against; an unknown type fails
 * validation against the first, which names what was expected.
 */
export function readEventOfTypes<T extends EventType>(
  types: readonly T[],
  value: Buffer | string | null | undefined,
): ParseResult<EventOf<T>> {
  if (types.length === 1) return readEvent(types[0], value);
  const decoded = decodeJsonValue(value);
  if (!decoded.ok) return decoded;
  const named = (decoded.value as { type?: unknown } | null)?.type;
  const type = types.find((t) => t === named) ?? types[0];
  return parseEvent(type, decoded.value);
}
