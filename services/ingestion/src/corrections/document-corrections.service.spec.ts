import { NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { OutboxRelay } from '@ct/messaging';
import { InMemoryDocuments } from '../../test/documents.fake';
import type { ExtractionService } from '../extraction/extraction.service';
import { DocumentCorrectionsService } from './document-corrections.service';

describe(DocumentCorrectionsService.name, () => {
  const now = new Date('2026-03-01T12:00:00Z');
  let docs: InMemoryDocuments;
  let extractInto: jest.Mock;
  let nudge: jest.Mock;
  let sut: DocumentCorrectionsService;

  beforeEach(() => {
    docs = new InMemoryDocuments();
    extractInto = jest.fn(async () => 4);
    nudge = jest.fn();
    sut = new DocumentCorrectionsService(
      docs.asRepository(),
      { extractInto } as unknown as ExtractionService,
      { nudge } as unknown as OutboxRelay,
    );
  });

  it('records each changed field as a new revision and reads the document again', async () => {
    const doc = docs.add({ published: '2024-01-01', publishedPrecision: 'year', language: 'en' });
    const outcome = await sut.correct(
      doc.id,
      { published: '2024-07-06', language: 'en' },
      'coord@example.org',
      now,
    );
    expect(outcome).toEqual({
      id: doc.id,
      published: '2024-07-06',
      language: 'en',
      revision: 1,
      changed: ['published'],
      commitments: 4,
    });
    expect(docs.corrections).toEqual([
      { id: doc.id, by: 'coord@example.org', field: 'published', from: '2024', to: '2024-07-06' },
    ]);
    expect(extractInto).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ revision: 1, published: '2024-07-06' }),
    );
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('changes nothing and reads nothing again when the values are the same', async () => {
    const doc = docs.add({ language: 'de' });
    const outcome = await sut.correct(doc.id, { language: 'de' }, 'coord@example.org', now);
    expect(outcome).toMatchObject({ changed: [], commitments: null, revision: 0 });
    expect(extractInto).not.toHaveBeenCalled();
    expect(nudge).not.toHaveBeenCalled();
  });

  it('refuses a date after today and an unknown document', async () => {
    const doc = docs.add();
    await expect(sut.correct(doc.id, { published: '2026-03-05' }, 'c', now)).rejects.toThrow(
      UnprocessableEntityException,
    );
    await expect(
      sut.correct('00000000-0000-4000-8000-00000000ffff', { language: 'en' }, 'c', now),
    ).rejects.toThrow(NotFoundException);
    expect(docs.corrections).toEqual([]);
  });
});
