import {
  complianceReport,
  monthEnds,
  outcomeOf,
  statusAt,
  type ReportHistory,
  type ReportItem,
} from './compliance';

const at = (iso: string) => new Date(iso);
const item = (n: number, over: Partial<ReportItem> = {}): ReportItem => ({
  id: `item-${n}`,
  reference: null,
  kind: 'mandate',
  actor: 'Secretariat',
  action: `prepare study ${n}`,
  status: 'open',
  deadline: '2026-06-30',
  dueDate: '2026-06-30',
  owner: null,
  createdAt: at('2026-01-10T09:00:00Z'),
  documents: ['doc-1'],
  ...over,
});
const status = (itemId: string, when: string, from: string, to: string): ReportHistory => ({
  itemId,
  at: at(when),
  by: 'coord@example.org',
  field: 'status',
  from,
  to,
  note: null,
});
const scope = { documents: ['doc-1'], actor: null, kind: null, dueAfter: null, dueBefore: null };

describe('compliance outcomes', () => {
  it('tells done on time from done late by the day it was marked done', () => {
    expect(
      outcomeOf('mandate', 'done', '2026-06-30', at('2026-06-30T22:00:00Z'), '2026-09-01'),
    ).toBe('done');
    expect(
      outcomeOf('mandate', 'done', '2026-06-30', at('2026-07-01T08:00:00Z'), '2026-09-01'),
    ).toBe('done_late');
    // An event is marked held after its day by nature: never late.
    expect(outcomeOf('event', 'held', '2026-06-30', at('2026-07-03T08:00:00Z'), '2026-09-01')).toBe(
      'done',
    );
  });

  it('calls open work past its due date overdue, and the rest under way or not started', () => {
    expect(outcomeOf('pledge', 'in_progress', '2026-06-30', null, '2026-07-01')).toBe('overdue');
    expect(outcomeOf('pledge', 'blocked', '2026-06-30', null, '2026-06-30')).toBe('in_progress');
    expect(outcomeOf('mandate', 'open', null, null, '2030-01-01')).toBe('not_started');
    expect(outcomeOf('mandate', 'retracted', '2020-01-01', null, '2026-01-01')).toBe('cancelled');
  });

  it('reads the status at a past moment from the history', () => {
    const i = item(1, { status: 'done' });
    const changes = [
      status(i.id, '2026-03-01T10:00:00Z', 'open', 'in_progress'),
      status(i.id, '2026-05-02T10:00:00Z', 'in_progress', 'done'),
    ];
    expect(statusAt(i, changes, at('2026-01-01T00:00:00Z'))).toBeNull(); // not registered yet
    expect(statusAt(i, changes, at('2026-02-01T00:00:00Z'))).toEqual({
      status: 'open',
      completedAt: null,
    });
    expect(statusAt(i, changes, at('2026-04-01T00:00:00Z'))?.status).toBe('in_progress');
    expect(statusAt(i, changes, at('2026-06-01T00:00:00Z'))).toEqual({
      status: 'done',
      completedAt: at('2026-05-02T10:00:00Z'),
    });
  });

  it('puts a point at the end of every month up to the day of the report', () => {
    expect(monthEnds(at('2026-01-10T09:00:00Z'), '2026-04-15')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-15',
    ]);
    expect(monthEnds(at('2020-01-10T09:00:00Z'), '2026-04-15')).toHaveLength(36);
  });
});

describe('compliance report', () => {
  it('counts outcomes, shares and the on-time rate, and draws the outcomes month by month', () => {
    const items = [
      item(1, { status: 'done' }),
      item(2, { status: 'done' }),
      item(3, { status: 'in_progress' }),
      item(4, { status: 'cancelled' }),
      item(5, { dueDate: '2026-12-31', deadline: '2026-12' }),
    ];
    const history = [
      status('item-1', '2026-06-20T10:00:00Z', 'open', 'done'),
      status('item-2', '2026-07-15T10:00:00Z', 'open', 'done'),
      status('item-3', '2026-02-10T10:00:00Z', 'open', 'in_progress'),
      status('item-4', '2026-03-05T10:00:00Z', 'open', 'cancelled'),
    ];
    const r = complianceReport(scope, items, history, at('2026-08-10T12:00:00Z'));
    expect(r.total).toBe(5);
    expect(r.counts).toEqual({
      done: 1,
      done_late: 1,
      in_progress: 0,
      overdue: 1,
      not_started: 1,
      cancelled: 1,
    });
    expect(r.shares.done).toBeCloseTo(0.2);
    expect(r.onTimeRate).toBeCloseTo(1 / 3);
    expect(r.items.find((i) => i.id === 'item-2')).toMatchObject({
      outcome: 'done_late',
      completedAt: '2026-07-15T10:00:00.000Z',
    });
    expect(r.timeline.map((p) => p.date)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-10',
    ]);
    const byDate = new Map(r.timeline.map((p) => [p.date, p.counts]));
    expect(byDate.get('2026-01-31')).toMatchObject({ not_started: 5 });
    expect(byDate.get('2026-03-31')).toMatchObject({
      not_started: 3,
      in_progress: 1,
      cancelled: 1,
    });
    // On 30 June item 1 is done, items 2 and 3 are still due that day; a month later they are not.
    expect(byDate.get('2026-06-30')).toMatchObject({ done: 1, not_started: 2, in_progress: 1 });
    expect(byDate.get('2026-07-31')).toMatchObject({ done: 1, done_late: 1, overdue: 1 });
    expect(r.timeline.at(-1)!.counts).toEqual(r.counts);
  });

  it('has no on-time rate when nothing is done or due yet, and no timeline when empty', () => {
    const r = complianceReport(
      scope,
      [item(1, { dueDate: '2027-01-01' })],
      [],
      at('2026-08-10T12:00:00Z'),
    );
    expect(r.onTimeRate).toBeNull();
    expect(complianceReport(scope, [], [], at('2026-08-10T12:00:00Z'))).toMatchObject({
      total: 0,
      timeline: [],
      onTimeRate: null,
    });
  });
});
