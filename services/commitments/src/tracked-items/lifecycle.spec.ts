import { allowedNext, isOverdue } from './lifecycle';

describe(allowedNext.name, () => {
  it.each([
    ['mandate', 'open', ['in_progress', 'blocked', 'cancelled', 'done']],
    ['pledge', 'in_progress', ['done', 'blocked', 'cancelled', 'open']],
    ['mandate', 'done', ['in_progress']],
    ['event', 'scheduled', ['held', 'postponed', 'cancelled']],
    ['event', 'held', []],
    ['event', 'open', []],
    ['mandate', 'scheduled', []],
    ['mandate', 'retracted', ['open']],
    ['event', 'retracted', ['scheduled']],
  ] as const)('%s from %s may go to %j', (kind, from, to) => {
    expect(allowedNext(kind, from)).toEqual(to);
  });
});

describe(isOverdue.name, () => {
  it('is overdue only when past due and not closed', () => {
    expect(isOverdue('open', '2025-01-31', '2025-02-01')).toBe(true);
    expect(isOverdue('open', '2025-02-01', '2025-02-01')).toBe(false);
    expect(isOverdue('done', '2025-01-31', '2025-02-01')).toBe(false);
    expect(isOverdue('held', '2025-01-31', '2025-02-01')).toBe(false);
    expect(isOverdue('retracted', '2025-01-31', '2025-02-01')).toBe(false);
    expect(isOverdue('open', null, '2025-02-01')).toBe(false);
  });
});
