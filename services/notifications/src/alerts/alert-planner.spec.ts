import type { Transaction } from '@ct/persistence';
import { mockOf } from '@ct/testing';
import { FakeClock } from '../../test/fake-clock';
import { AlertPlanner } from './alert-planner';
import type { AlertsOptions } from './alerts.options';
import type { AlertsRepository } from './alerts.repository';

const TX = {} as Transaction;
const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';

describe(AlertPlanner.name, () => {
  const clock = new FakeClock(new Date('2026-03-01T12:00:00Z'));
  let lastOverdue: Map<string, number>;
  let alerts: {
    dropUnraisedExcept: jest.MockedFunction<AlertsRepository['dropUnraisedExcept']>;
    plan: jest.MockedFunction<AlertsRepository['plan']>;
    lastOverdueRaised: jest.MockedFunction<AlertsRepository['lastOverdueRaised']>;
  };
  let sut: AlertPlanner;

  beforeEach(() => {
    lastOverdue = new Map();
    alerts = {
      dropUnraisedExcept: mockOf<AlertsRepository['dropUnraisedExcept']>(async () => undefined),
      plan: mockOf<AlertsRepository['plan']>(async () => undefined),
      lastOverdueRaised: mockOf<AlertsRepository['lastOverdueRaised']>(async () => lastOverdue),
    };
    sut = new AlertPlanner(
      clock,
      { offsetsDays: [30, 7, 1] } as AlertsOptions,
      alerts as unknown as AlertsRepository,
    );
  });

  it('plans the window it is in, the offsets still ahead, the day and the first overdue reminder, and drops the rest', async () => {
    await sut.replanMany(TX, [{ itemId: A, status: 'open', dueDate: '2026-03-20' }]);
    const [[, , planned]] = alerts.plan.mock.calls;
    expect(planned.map((a) => a.key)).toEqual([
      `${A}:before:30d:2026-03-20`,
      `${A}:before:7d:2026-03-20`,
      `${A}:before:1d:2026-03-20`,
      `${A}:due:2026-03-20`,
      `${A}:overdue:1:2026-03-20`,
    ]);
    expect(alerts.dropUnraisedExcept).toHaveBeenCalledWith(
      TX,
      [A],
      planned.map((a) => a.key),
    );
    // Not yet past its due date: no overdue reminder can have been raised.
    expect(alerts.lastOverdueRaised).toHaveBeenCalledWith(TX, []);
  });

  it('plans nothing for a closed or undated item, and drops what it had', async () => {
    await sut.replanMany(TX, [
      { itemId: A, status: 'done', dueDate: '2026-03-20' },
      { itemId: B, status: 'open', dueDate: null },
    ]);
    expect(alerts.dropUnraisedExcept).toHaveBeenCalledWith(TX, [A, B], []);
    expect(alerts.plan).toHaveBeenCalledWith(TX, clock.now(), []);
  });

  it('plans the reminder after the last one raised for an overdue item', async () => {
    lastOverdue.set(A, 2);
    await sut.replanMany(TX, [{ itemId: A, status: 'open', dueDate: '2026-02-01' }]);
    expect(alerts.lastOverdueRaised).toHaveBeenCalledWith(TX, [
      { itemId: A, dueDate: '2026-02-01' },
    ]);
    expect(alerts.plan.mock.calls[0][2].map((a) => a.reason)).toEqual(['overdue:4']);
  });
});
