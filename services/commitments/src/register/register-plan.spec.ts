import { extracted } from '../../test/extracted.fixture';
import { addSourceTo, assign, itemFromSource, planWrites, type Extracted } from './register-plan';

let n = 0;
const doc = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
/** Each from a document of its own. */
const ev = (over: Parameters<typeof extracted>[0]): Extracted =>
  extracted({ documentId: doc(++n), ...over });
const ids = () => {
  let i = 0;
  return () => `item-${++i}`;
};
const now = new Date('2025-01-01T00:00:00Z');

describe('assign', () => {
  it('merges a commitment into one created earlier in the same batch, and keeps a different one apart', () => {
    const regs = assign(
      [
        ev({}),
        ev({ action: 'to prepare the report on the transport corridor' }),
        ev({ action: 'organise a youth festival' }),
        ev({ actor: 'Ministers of Transport' }),
      ],
      [],
      ids(),
    );
    expect(regs.map((r) => [r.itemId, r.created])).toEqual([
      ['item-1', true],
      ['item-1', false],
      ['item-2', true],
      ['item-3', true],
    ]);
  });

  it('matches a tracked item whose deadline was corrected by hand regardless of that deadline', () => {
    const tracked = {
      ...itemFromSource('tracked', ev({ deadline: '2025-03' }).data, null, now),
      deadline: '2030-01-01',
      deadlineManual: true,
    };
    const [reg] = assign([ev({ deadline: '2025-03-15' })], [tracked], ids());
    expect(reg).toMatchObject({ itemId: 'tracked', created: false });
  });

  it('lets a later event in the batch see the deadline an earlier one set', () => {
    // Had the second event not given the item its deadline, the third would match it too.
    const regs = assign(
      [ev({}), ev({ deadline: '2025-03-10' }), ev({ deadline: '2025-06-20' })],
      [],
      ids(),
    );
    expect(regs.map((r) => r.itemId)).toEqual(['item-1', 'item-1', 'item-2']);
  });
});

describe('addSourceTo', () => {
  it('refines a deadline, ignores an older source, and never overrides a correction by hand', () => {
    const item = itemFromSource(
      'i',
      ev({ deadline: '2025', published: '2024-05-01' }).data,
      null,
      now,
    );
    expect(addSourceTo(item, ev({ deadline: '2025-06', published: '2024-01-01' }).data)).toEqual({
      change: 'deadline_changed',
      fields: [
        { field: 'source', from: null, to: expect.any(String) },
        { field: 'deadline', from: '2025', to: '2025-06' },
      ],
    });
    expect(
      addSourceTo(item, ev({ deadline: '2025-09', published: '2024-02-01' }).data).change,
    ).toBe('source_added');
    expect(item).toMatchObject({
      deadline: '2025-06',
      latestPublished: '2024-05-01',
      sourceCount: 3,
    });
    item.deadlineManual = true;
    addSourceTo(item, ev({ deadline: '2026-01-01', published: '2025-01-01' }).data);
    expect(item.deadline).toBe('2025-06');
  });
});

describe('planWrites', () => {
  it('writes one version, audit rows and one event per change, over the state read under lock', () => {
    const first = ev({});
    const again = ev({ deadline: '2025-04-01', published: '2024-08-01' });
    const tracked = {
      ...itemFromSource('tracked', ev({ actor: 'Council' }).data, null, now),
      status: 'in_progress' as const,
      version: 4,
    };
    const plan = planWrites(
      [
        { event: first, itemId: 'new', created: true },
        { event: again, itemId: 'new', created: false },
        { event: ev({ actor: 'Council' }), itemId: 'tracked', created: false },
      ],
      new Map([['tracked', tracked]]),
      now,
    );
    expect(plan.created.map((i) => [i.id, i.version, i.sourceCount, i.deadline])).toEqual([
      ['new', 2, 2, '2025-04-01'],
    ]);
    expect(plan.updated.map((i) => [i.id, i.version, i.status, i.sourceCount])).toEqual([
      ['tracked', 5, 'in_progress', 2],
    ]);
    expect(plan.changed.map((c) => [c.init.id, c.data.change])).toEqual([
      ['item:new:v1', 'created'],
      ['item:new:v2', 'deadline_changed'],
      ['item:tracked:v5', 'source_added'],
    ]);
    expect(plan.history.map((h) => [h.itemId, h.field])).toEqual([
      ['new', 'created'],
      ['new', 'source'],
      ['new', 'deadline'],
      ['tracked', 'source'],
    ]);
    expect(plan.sources.map((s) => s.eventId)).toEqual([first.id, again.id, expect.any(String)]);
    expect(tracked.version).toBe(4); // the locked state itself is not changed
  });

  it('refuses to merge into an item that is no longer there', () => {
    expect(() =>
      planWrites([{ event: ev({}), itemId: 'gone', created: false }], new Map(), now),
    ).toThrow(/gone/);
  });
});
