import { Logger } from '@nestjs/common';
import { DOCUMENT_RECEIVED, wrap, type DataOf } from '@ct/contracts';
import type { ExtractedCommitment, Extractor } from '@ct/extraction';
import { UnprocessableEventError, type OutboxRelay, type OutboxWriter } from '@ct/messaging';
import { InMemoryDocuments, TX } from '../../test/documents.fake';
import { ExtractionService } from './extraction.service';

// The claim is a statement on the real database (ingestion.int-spec.ts); here every event is new.
jest.mock('@ct/messaging', () => ({
  ...jest.requireActual('@ct/messaging'),
  claimEvents: jest.fn(async (_tx: unknown, _s: string, _c: string, ids: string[]) => new Set(ids)),
}));

const found = (over: Partial<ExtractedCommitment>): ExtractedCommitment => ({
  kind: 'mandate',
  actor: 'the Secretariat',
  actorKeys: [],
  action: 'prepare a roadmap',
  evidence: { text: 'instructed the Secretariat to prepare a roadmap', start: 0, end: 47 },
  deadline: null,
  deadlineSource: 'none',
  confidence: 0.9,
  meeting: null,
  dependsOn: null,
  rules: [],
  ...over,
});

describe(ExtractionService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  let docs: InMemoryDocuments;
  let appendMany: jest.Mock;
  let extract: jest.Mock;
  let sut: ExtractionService;
  const received = (documentId: string) =>
    wrap<typeof DOCUMENT_RECEIVED, DataOf<typeof DOCUMENT_RECEIVED>>(
      DOCUMENT_RECEIVED,
      {
        documentId,
        title: null,
        language: 'en',
        published: null,
        sourceUrl: null,
        contentHash: 'h',
        textLength: 10,
      },
      { source: '/test', id: `received:${documentId}` },
    );

  beforeEach(() => {
    docs = new InMemoryDocuments();
    appendMany = jest.fn(async () => []);
    extract = jest.fn(() => ({
      language: 'en',
      engine: { name: 'rules', version: '2.0.0' },
      commitments: [
        found({}),
        found({ kind: 'event', actor: 'Kazakhstan', action: 'host the summit' }),
      ],
    }));
    sut = new ExtractionService(
      docs.asRepository(),
      { name: 'rules', version: '2.0.0', extract } as unknown as Extractor,
      { appendMany } as unknown as OutboxWriter,
      { nudge: jest.fn() } as unknown as OutboxRelay,
    );
  });

  it('queues one commitment.extracted per commitment, events first, with ids of engine and index', async () => {
    const doc = docs.add();
    await sut.applyMany([received(doc.id)]);
    const [commitments] = appendMany.mock.calls.filter((c) => c[1] === 'commitment.extracted.v1');
    expect(commitments[0]).toBe(TX);
    expect(
      commitments[2].map((e: { data: { kind: string; index: number }; init: { id: string } }) => [
        e.data.kind,
        e.data.index,
        e.init.id,
      ]),
    ).toEqual([
      ['event', 0, `extracted:${doc.id}:rules@2.0.0:0`],
      ['mandate', 1, `extracted:${doc.id}:rules@2.0.0:1`],
    ]);
    const [runs] = appendMany.mock.calls.filter((c) => c[1] === 'document.extracted.v1');
    expect(runs[2]).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          documentId: doc.id,
          commitments: 2,
          byKind: { mandate: 1, pledge: 0, event: 1 },
        }),
      }),
    ]);
  });

  it('marks each document with the engine that read it and what it found', async () => {
    const doc = docs.add();
    await sut.applyMany([received(doc.id)]);
    expect(docs.reads).toEqual([{ documentId: doc.id, engine: 'rules@2.0.0', commitments: 2 }]);
  });

  it('reads a corrected document as a new reading, its revision in the engine version', async () => {
    const doc = docs.add({ revision: 2 });
    expect(await sut.extractInto(TX, doc)).toBe(2);
    const [commitments] = appendMany.mock.calls.filter((c) => c[1] === 'commitment.extracted.v1');
    expect(commitments[2][0].init.id).toBe(`extracted:${doc.id}:rules@2.0.0+r2:0`);
  });

  it('finds a document another database stored unprocessable (no retry helps)', async () => {
    await expect(sut.applyMany([received('00000000-0000-4000-8000-00000000ffff')])).rejects.toThrow(
      UnprocessableEventError,
    );
    expect(appendMany).not.toHaveBeenCalled();
  });
});
