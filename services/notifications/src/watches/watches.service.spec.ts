import { Logger } from '@nestjs/common';
import { COMMITMENT_CHANGED, wrap, type DataOf } from '@ct/contracts';
import type { Transaction } from '@ct/persistence';
import { mockOf } from '@ct/testing';
import type { AlertPlanner } from '../alerts/alert-planner';
import type { WatchedDeadlinesRepository } from './watched-deadlines.repository';
import { WatchesService } from './watches.service';

// Claims are a statement on the real database (alerts.int-spec.ts); here all but "seen" are new.
jest.mock('@ct/messaging', () => ({
  ...jest.requireActual('@ct/messaging'),
  claimEvents: jest.fn(
    async (_tx: unknown, _s: string, _c: string, ids: string[]) =>
      new Set(ids.filter((id) => !id.startsWith('seen'))),
  ),
}));

const TX = {} as Transaction;
const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';

const change = (
  itemId: string,
  version: number,
  id = `item:${itemId}:v${version}`,
  over: Partial<DataOf<typeof COMMITMENT_CHANGED>> = {},
) =>
  wrap<typeof COMMITMENT_CHANGED, DataOf<typeof COMMITMENT_CHANGED>>(
    COMMITMENT_CHANGED,
    {
      itemId,
      version,
      change: 'updated',
      changes: [],
      kind: 'mandate',
      actor: 'Secretariat',
      action: 'prepare a report',
      status: 'open',
      deadline: '2026-06',
      deadlineSource: 'explicit',
      dueDate: '2026-06-30',
      owner: null,
      sourceCount: 1,
      changedAt: '2026-03-01T00:00:00.000Z',
      ...over,
    },
    { source: '/test', id },
  );

describe(WatchesService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  let stored: string[];
  let deadlines: {
    transaction: WatchedDeadlinesRepository['transaction'];
    upsertNewer: jest.MockedFunction<WatchedDeadlinesRepository['upsertNewer']>;
  };
  let replanMany: jest.Mock;
  let sut: WatchesService;

  beforeEach(() => {
    stored = [];
    deadlines = {
      transaction: (work) => work(TX),
      upsertNewer: mockOf<WatchedDeadlinesRepository['upsertNewer']>(async (_tx, items) =>
        items.map((i) => i.itemId).filter((id) => stored.includes(id)),
      ),
    };
    replanMany = jest.fn(async () => undefined);
    sut = new WatchesService(
      deadlines as unknown as WatchedDeadlinesRepository,
      { replanMany } as unknown as AlertPlanner,
    );
  });

  it('stores each item’s newest version in the batch and replans the items that changed', async () => {
    stored = [A];
    await sut.onCommitmentsChanged([
      change(A, 1),
      change(A, 3, undefined, { dueDate: '2026-07-31' }),
      change(A, 2),
      change(B, 4),
    ]);
    expect(deadlines.upsertNewer.mock.calls[0][1].map((d) => [d.itemId, d.version])).toEqual([
      [A, 3],
      [B, 4],
    ]);
    // B was not newer than what is stored: nothing to replan for it.
    expect(replanMany).toHaveBeenCalledWith(TX, [
      { itemId: A, status: 'open', dueDate: '2026-07-31' },
    ]);
  });

  it('leaves a batch of events already processed alone', async () => {
    await sut.onCommitmentsChanged([change(A, 1, 'seen-1')]);
    expect(deadlines.upsertNewer).not.toHaveBeenCalled();
    expect(replanMany).not.toHaveBeenCalled();
  });
});
