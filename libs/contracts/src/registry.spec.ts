import { wrap } from './envelope';
import { DOCUMENT_RECEIVED } from './events/document-received.event';
import { parseEvent } from './registry';

const valid = () =>
  wrap(
    DOCUMENT_RECEIVED,
    {
      documentId: '3f0c3a3e-8c1b-4a5e-9f5e-0b6f1f7e2a11',
      title: 'Declaration',
      language: 'en',
      published: '2025-11-06',
      sourceUrl: null,
      contentHash: 'a'.repeat(64),
      textLength: 120,
    },
    { source: '/ingestion' },
  );

describe(parseEvent.name, () => {
  it('accepts an event that matches its contract', () => {
    const result = parseEvent(DOCUMENT_RECEIVED, JSON.parse(JSON.stringify(valid())));
    expect(result).toMatchObject({
      ok: true,
      event: { type: DOCUMENT_RECEIVED, specversion: '1.0' },
    });
  });

  it('names the failing field when the data breaks the contract', () => {
    const bad = { ...valid(), data: { ...valid().data, contentHash: 'xyz' } };
    const result = parseEvent(DOCUMENT_RECEIVED, bad);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/contentHash/);
  });

  it('refuses another version of the event type', () => {
    const result = parseEvent(DOCUMENT_RECEIVED, { ...valid(), type: 'document.received.v2' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/type/);
  });

  it.each([
    [null, 'empty message value'],
    ['plain text', 'not a JSON object'],
    [Buffer.from([0, 1, 2]), 'binary'],
    [[1, 2], 'invalid document.received.v1'],
  ])('refuses %p with a reason', (raw, reason) => {
    const result = parseEvent(DOCUMENT_RECEIVED, raw);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });
});
