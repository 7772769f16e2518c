import type { OutboxRelay, OutboxWriter } from '@ct/messaging';
import { DocumentTooLargeError, UnreadableDocumentError } from '@ct/formats';
import { InMemoryDocuments } from '../../test/documents.fake';
import { DocumentsService } from './documents.service';

describe(DocumentsService.name, () => {
  let docs: InMemoryDocuments;
  let append: jest.Mock;
  let nudge: jest.Mock;
  let sut: DocumentsService;
  const text =
    'ASTANA, 6 July 2024 — The heads of state instructed the Secretariat to prepare a roadmap by 2025.';

  beforeEach(() => {
    docs = new InMemoryDocuments();
    append = jest.fn(async () => undefined);
    nudge = jest.fn();
    sut = new DocumentsService(
      docs.asRepository(),
      { append } as unknown as OutboxWriter,
      { nudge } as unknown as OutboxRelay,
      200,
    );
  });

  it('stores a new text once with its dateline date and language, and announces it', async () => {
    const receipt = await sut.receive({ text });
    expect(receipt).toMatchObject({ duplicate: false });
    expect(docs.docs.get(receipt.id)).toMatchObject({
      published: '2024-07-06',
      publishedPrecision: 'day',
      language: 'en',
      origin: 'api',
    });
    expect(append).toHaveBeenCalledWith(
      expect.anything(),
      'document.received.v1',
      expect.objectContaining({ documentId: receipt.id, textLength: text.length }),
      { subject: `documents/${receipt.id}` },
    );
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('answers a text it has seen with the stored document and announces nothing', async () => {
    const first = await sut.receive({ text });
    expect(await sut.receive({ text, title: 'again' })).toEqual({ ...first, duplicate: true });
    expect(append).toHaveBeenCalledTimes(1);
  });

  it('keeps the sender’s date at its precision', async () => {
    const r = await sut.receive({ text, published: '2024-07' });
    expect(docs.docs.get(r.id)).toMatchObject({
      published: '2024-07-01', // the period's first day, with its precision
      publishedPrecision: 'month',
    });
  });

  it.each([
    [
      'a text over the limit',
      { text: 'x'.repeat(201) },
      DocumentTooLargeError,
      /201 characters, more than the limit of 200/,
    ],
    ['blank text', { text: '   ' }, UnreadableDocumentError, /no text/],
    ['binary data', { text: 'a\u0000b' }, UnreadableDocumentError, /NUL bytes/],
    [
      'a date that is none',
      { text, published: '2024-13-01' },
      UnreadableDocumentError,
      /not a calendar date/,
    ],
    [
      'a date to come',
      { text, published: '2999-01-01' },
      UnreadableDocumentError,
      /cannot be published in the future/,
    ],
  ])('refuses %s, storing nothing', async (_case, input, type, message) => {
    await expect(sut.receive(input)).rejects.toThrow(type);
    await expect(sut.receive(input)).rejects.toThrow(message);
    expect(docs.docs.size).toBe(0);
  });
});
