import { daysUntil, overdueAlert, plan } from './alert-rules';

const at = (iso: string) => new Date(iso);
const show = (p: { reason: string; fireAt: Date }[]) =>
  p.map((a) => `${a.reason}@${a.fireAt.toISOString().slice(0, 10)}`);

describe('alert rules', () => {
  it('plans 30, 7 and 1 days before, on the day, and the first overdue reminder', () => {
    expect(show(plan('2026-03-31', [30, 7, 1], at('2026-01-01T12:00:00Z')))).toEqual([
      'before:30d@2026-03-01',
      'before:7d@2026-03-24',
      'before:1d@2026-03-30',
      'due@2026-03-31',
      'overdue:1@2026-04-01',
    ]);
  });

  it('plans the window the deadline is found in, at once, and not the earlier ones', () => {
    // Found on 25 March: the 7-day window opened on the 24th; the 30-day one is not sent late.
    expect(show(plan('2026-03-31', [30, 7, 1], at('2026-03-25T00:00:00Z')))).toEqual([
      'before:7d@2026-03-24',
      'before:1d@2026-03-30',
      'due@2026-03-31',
      'overdue:1@2026-04-01',
    ]);
    // Found the day before: "due tomorrow" now, not on the due date.
    expect(show(plan('2026-03-31', [30, 7, 1], at('2026-03-30T09:00:00Z')))).toEqual([
      'before:1d@2026-03-30',
      'due@2026-03-31',
      'overdue:1@2026-04-01',
    ]);
    // Found on the due date itself.
    expect(show(plan('2026-03-31', [30, 7, 1], at('2026-03-31T15:00:00Z')))).toEqual([
      'due@2026-03-31',
      'overdue:1@2026-04-01',
    ]);
  });

  it('plans the same keys again when replanned inside a window (each is raised once)', () => {
    const first = plan('2026-03-31', [30, 7, 1], at('2026-03-25T00:00:00Z'));
    const again = plan('2026-03-31', [30, 7, 1], at('2026-03-27T08:00:00Z'));
    expect(again.map((a) => a.reason)).toEqual(first.map((a) => a.reason));
    expect(again[0].fireAt).toEqual(first[0].fireAt);
  });

  it('plans no window alert once an item is overdue, only the reminder', () => {
    expect(show(plan('2026-03-31', [30, 7, 1], at('2026-04-01T00:00:00Z')))).toEqual([
      'overdue:1@2026-04-01',
    ]);
  });

  it('plans the reminder of the current overdue period for an item already overdue', () => {
    expect(show(plan('2026-03-31', [30, 7, 1], at('2026-04-20T10:00:00Z')))).toEqual([
      'overdue:3@2026-04-15',
    ]);
    expect(show([overdueAlert('2026-03-31', at('2026-04-02T00:00:00Z'), 2)])).toEqual([
      'overdue:2@2026-04-08',
    ]);
  });

  it('counts days to the due date from the day it is now', () => {
    expect(daysUntil('2026-03-31', at('2026-03-01T23:59:00Z'))).toBe(30);
    expect(daysUntil('2026-03-31', at('2026-04-02T01:00:00Z'))).toBe(-2);
  });
});
