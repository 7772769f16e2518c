import { Logger } from '@nestjs/common';
import type { OutboxRelay } from '@ct/messaging';
import { InMemoryDocuments } from '../../test/documents.fake';
import type { ExtractionService } from './extraction.service';
import { ReprocessService } from './reprocess.service';

describe(ReprocessService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  let docs: InMemoryDocuments;
  let extractInto: jest.Mock;
  let sut: ReprocessService;

  beforeEach(() => {
    docs = new InMemoryDocuments();
    extractInto = jest.fn(async () => 2);
    sut = new ReprocessService(
      docs.asRepository(),
      { extractInto, engineVersion: () => 'rules@2.0.0' } as unknown as ExtractionService,
      { nudge: jest.fn() } as unknown as OutboxRelay,
    );
  });

  it('reads again what an older engine read, and skips what this one read (a corrected one by its revision)', async () => {
    const old = docs.add({ engineVersion: 'rules@1.0.0' });
    docs.add({ engineVersion: 'rules@2.0.0' });
    docs.add({ engineVersion: 'rules@2.0.0+r1', revision: 1 });
    const stale = docs.add({ engineVersion: 'rules@2.0.0', revision: 1 });
    expect(await sut.reprocess()).toEqual({
      engine: 'rules@2.0.0',
      documents: 4,
      reprocessed: 2,
      skipped: 2,
      commitments: 4,
    });
    expect(extractInto.mock.calls.map(([, d]) => d.id)).toEqual([old.id, stale.id]);
  });

  it('reads everything again when forced, and only from a day on when asked', async () => {
    docs.add({ engineVersion: 'rules@2.0.0' }); // received 2026-02-01
    const later = docs.add({ engineVersion: 'rules@2.0.0' }); // 2026-02-02
    expect(await sut.reprocess({ force: true, since: '2026-02-02' })).toMatchObject({
      documents: 1,
      reprocessed: 1,
    });
    expect(extractInto.mock.calls.map(([, d]) => d.id)).toEqual([later.id]);
  });

  it('goes through more documents than one page', async () => {
    for (let i = 0; i < 230; i++)
      docs.add({
        engineVersion: 'rules@1.0.0',
        receivedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      });
    expect(await sut.reprocess()).toMatchObject({ documents: 230, reprocessed: 230 });
  });
});
