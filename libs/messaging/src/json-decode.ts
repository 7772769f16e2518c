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
