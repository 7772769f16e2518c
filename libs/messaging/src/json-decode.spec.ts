import { decodeJsonValue } from './json-decode';
import { MAX_EVENT_BYTES } from './messaging.options';

describe(decodeJsonValue.name, () => {
  it('decodes UTF-8 JSON', () => {
    expect(decodeJsonValue(Buffer.from('{"a":"ü"}'))).toEqual({ ok: true, value: { a: 'ü' } });
  });

  it.each([
    [null, 'empty'],
    [Buffer.alloc(0), 'empty'],
    [Buffer.from('{"a":'), 'not valid JSON'],
    [Buffer.from([0xff, 0xfe, 0x7b]), 'not valid UTF-8'],
    [Buffer.alloc(MAX_EVENT_BYTES + 1, 0x20), 'exceeds the limit'],
  ])('refuses %#: %s', (value, reason) => {
    const result = decodeJsonValue(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
