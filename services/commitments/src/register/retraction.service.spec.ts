import { Logger } from '@nestjs/common';
import type { OutboxRelay } from '@ct/messaging';
import { mockOf } from '@ct/testing';
import { InMemoryTrackedItems, inlineTransactions, trackedItem, TX } from '../../test/fakes';
import type { ExtractionRunsRepository } from './extraction-runs.repository';
import { RetractionService } from './retraction.service';

describe(RetractionService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  const DOC = '00000000-0000-4000-8000-00000000000d';
  let items: InMemoryTrackedItems;
  let runs: jest.Mocked<
    Pick<ExtractionRunsRepository, 'complete' | 'unsupportedItems' | 'markSettled'>
  >;
  let sut: RetractionService;

  beforeEach(() => {
    items = new InMemoryTrackedItems();
    runs = {
      complete: mockOf<ExtractionRunsRepository['complete']>(async () => []),
      unsupportedItems: mockOf<ExtractionRunsRepository['unsupportedItems']>(async () => []),
      markSettled: mockOf<ExtractionRunsRepository['markSettled']>(async () => undefined),
    };
    sut = new RetractionService(
      inlineTransactions,
      items.asRepository(),
      runs as unknown as ExtractionRunsRepository,
      { nudge: jest.fn() } as unknown as OutboxRelay,
    );
  });

  it('settles nothing while no run of these documents is complete', async () => {
    expect(await sut.settle(TX, [DOC])).toBe(0);
    expect(runs.unsupportedItems).not.toHaveBeenCalled();
    expect(runs.markSettled).not.toHaveBeenCalled();
  });

  it('settles a document’s first run without looking for items to retract', async () => {
    runs.complete.mockResolvedValue([{ documentId: DOC, engine: 'rules@2.0.0', replaces: false }]);
    expect(await sut.settle(TX, [DOC])).toBe(0);
    expect(runs.unsupportedItems).not.toHaveBeenCalled();
    expect(runs.markSettled).toHaveBeenCalledWith(TX, [
      { documentId: DOC, engine: 'rules@2.0.0', replaces: false },
    ]);
  });

  it('retracts what a newer engine no longer finds, saying which run and document', async () => {
    const stale = items.add(trackedItem({ actor: 'Ministers of Trade' }));
    const ready = { documentId: DOC, engine: 'rules@2.0.0', replaces: true };
    runs.complete.mockResolvedValue([ready]);
    runs.unsupportedItems.mockResolvedValue([
      { id: stale.id, documentId: DOC, engine: 'rules@2.0.0' },
    ]);
    expect(await sut.settle(TX, [DOC])).toBe(1);
    expect(items.items.get(stale.id)).toMatchObject({ status: 'retracted', version: 2 });
    expect(items.history).toEqual([
      expect.objectContaining({
        field: 'status',
        fromValue: 'open',
        toValue: 'retracted',
        by: 'extraction',
        documentId: DOC,
        note: `not found by rules@2.0.0 when document ${DOC} was extracted again`,
      }),
    ]);
    expect(runs.markSettled).toHaveBeenCalledWith(TX, [ready]);
  });
});
