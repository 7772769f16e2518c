import { COMMITMENT_CHANGED, wrap, type DataOf } from '@ct/contracts';
import type { Transaction, Transactions } from '@ct/persistence';
import type { ItemSnapshotsRepository } from '../items/item-snapshots.repository';
import type { StreamEventsRepository } from './stream-events.repository';
import { StreamWriter } from './stream-writer';

describe(StreamWriter.name, () => {
  const TX = {} as Transaction;
  const order: string[] = [];
  const run = jest.fn((work: (tx: Transaction) => Promise<unknown>) => work(TX));
  const applyMany = jest.fn(async () => void order.push('snapshots'));
  const addMany = jest.fn(async () => void order.push('stream'));
  const sut = new StreamWriter(
    { run } as unknown as Transactions,
    { applyMany } as unknown as ItemSnapshotsRepository,
    { addMany } as unknown as StreamEventsRepository,
  );
  const changed = wrap<typeof COMMITMENT_CHANGED, DataOf<typeof COMMITMENT_CHANGED>>(
    COMMITMENT_CHANGED,
    {
      itemId: '01900000-0000-7000-8000-000000000001',
      version: 1,
      change: 'created',
      changes: [],
      kind: 'pledge',
      actor: 'Republic of Uzbekistan',
      action: 'open a trade house',
      status: 'open',
      deadline: null,
      deadlineSource: 'none',
      dueDate: null,
      owner: null,
      sourceCount: 1,
      changedAt: '2026-03-01T00:00:00.000Z',
    },
    { source: '/test' },
  );

  beforeEach(() => {
    order.length = 0;
    jest.clearAllMocks();
  });

  it('writes the read model before the stream, both in one transaction', async () => {
    await sut.changes([changed]);
    expect(run).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['snapshots', 'stream']);
    expect(applyMany).toHaveBeenCalledWith(TX, [changed.data]);
    expect(addMany).toHaveBeenCalledWith(TX, [changed]);
  });

  it('writes alert events to the stream only', async () => {
    await sut.alerts([]);
    expect(order).toEqual(['stream']);
    expect(applyMany).not.toHaveBeenCalled();
  });
});
