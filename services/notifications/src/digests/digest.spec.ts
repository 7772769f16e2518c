import { composeDigest, digestEmail, digestWeek, type DigestItem } from './digest';

const now = new Date('2026-06-10T06:00:00Z');
const item = (n: number, over: Partial<DigestItem> = {}): DigestItem => ({
  itemId: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  kind: 'mandate',
  actor: 'Secretariat',
  action: `compile briefing ${n}`,
  status: 'open',
  dueDate: null,
  owner: null,
  updatedAt: new Date('2026-05-01T00:00:00Z'),
  closed: false,
  ...over,
});

describe('weekly digest', () => {
  const items = [
    item(1, { dueDate: '2026-06-10' }), // due today: this week
    item(2, { dueDate: '2026-06-16' }), // the seventh day: this week
    item(3, { dueDate: '2026-06-17' }), // next week
    item(4, { dueDate: '2026-06-01' }), // overdue
    item(5, { dueDate: '2026-06-12', status: 'done', closed: true }), // done: neither
    item(6, { updatedAt: new Date('2026-06-08T10:00:00Z') }), // changed since the last digest
  ];

  it('lists what is due in the next seven days, what is overdue, and what changed since the last', () => {
    const d = composeDigest(items, digestWeek(now, new Date('2026-06-03T06:00:00Z')));
    const n = (xs: DigestItem[]) => xs.map((i) => Number(i.itemId.slice(-2)));
    expect(n(d.dueThisWeek)).toEqual([1, 2]);
    expect(n(d.overdue)).toEqual([4]);
    expect(n(d.changed)).toEqual([6]);
  });

  it('takes the last week as "changed" for a first digest', () => {
    const d = composeDigest(
      [item(7, { updatedAt: new Date('2026-06-02T00:00:00Z') })],
      digestWeek(now, null),
    );
    expect(d.changed).toHaveLength(0); // eight days ago
    const e = composeDigest(
      [item(7, { updatedAt: new Date('2026-06-04T00:00:00Z') })],
      digestWeek(now, null),
    );
    expect(e.changed).toHaveLength(1);
  });

  it('mails counts in the subject and a link to each item', () => {
    const { subject, text } = digestEmail(
      composeDigest(items, digestWeek(now, new Date('2026-06-03T06:00:00Z'))),
      now,
      'https://tracker.example.org/',
    );
    expect(subject).toBe('Weekly digest 2026-06-10: 2 due this week, 1 overdue, 1 changed');
    expect(text).toContain('Due this week (2)');
    expect(text).toContain(
      `Secretariat: compile briefing 4 (due 2026-06-01) [open]\n  https://tracker.example.org/items/${item(4).itemId}`,
    );
    expect(text).toContain('Changed since the last digest (1)');
    expect(text).not.toContain('More items matched');
    const cut = digestEmail(
      composeDigest(items, digestWeek(now, null)),
      now,
      'https://t.example.org',
      true,
    );
    expect(cut.text).toContain('More items matched than the 500 a digest reads');
  });
});
