import fc from 'fast-check';
import { parseDeadline } from '../tracked-items/deadline';
import {
  actorKey,
  bestMatch,
  compatibleDueDates,
  daysApart,
  isSameCommitment,
  nextDeadline,
  similarity,
  type Comparable,
} from './matching';

const event = (o: Partial<Comparable>): Comparable => ({
  kind: 'event',
  actorKey: 'kyrgyz republic',
  action: '',
  deadline: null,
  place: 'Bishkek',
  meetingNoun: 'summit',
  meetingOrdinal: null,
  ...o,
});
const task = (o: Partial<Comparable>): Comparable => ({
  kind: 'mandate',
  actorKey: 'secretariat',
  action: 'prepare a report on transport corridors',
  deadline: null,
  place: null,
  meetingNoun: null,
  meetingOrdinal: null,
  ...o,
});

describe('matching events across documents and languages', () => {
  // Declaration (en) and news (tr, ru, de) announcing the same summit; the
  // extractor gives places and hosts under their English gazetteer names.
  const declaration = event({
    meetingOrdinal: 11,
    deadline: '2024-10-24',
    action: 'host the 11th OTS Summit in Bishkek',
  });

  it.each([
    [
      'Turkish news with ordinal and exact date',
      event({
        meetingOrdinal: 11,
        deadline: '2024-10-24',
        action: "11. Zirve Bişkek'te düzenlenecek",
      }),
    ],
    [
      'Russian news giving only the month',
      event({ deadline: '2024-10', action: 'саммит пройдёт в Бишкеке в октябре' }),
    ],
    [
      'German news a few days off, no ordinal',
      event({ deadline: '2024-11-02', action: 'Gipfel in Bischkek' }),
    ],
    [
      'news naming the host but no place',
      event({ place: null, deadline: '2024', action: 'Kyrgyzstan will host the summit' }),
    ],
  ])('matches %s', (_what, other) => {
    expect(isSameCommitment(declaration, other)).toBe(true);
  });

  it.each([
    ['another ordinal', event({ meetingOrdinal: 12, deadline: '2025-10-24' })],
    ['another kind of meeting', event({ meetingNoun: 'forum', deadline: '2024-10-24' })],
    ['the same place half a year later', event({ deadline: '2025-05-10' })],
    [
      'another host and place',
      event({ actorKey: 'republic of azerbaijan', place: 'Baku', deadline: '2024-10-24' }),
    ],
    ['a mandate', task({ deadline: '2024-10-24' })],
  ])('keeps apart %s', (_what, other) => {
    expect(isSameCommitment(declaration, other)).toBe(false);
  });
});

describe('matching mandates and pledges', () => {
  it('matches a paraphrase with the same actor', () => {
    expect(
      isSameCommitment(
        task({}),
        task({ action: 'to prepare the report on the transport corridor' }),
      ),
    ).toBe(true);
  });

  it('keeps apart different tasks, actors or far-apart deadlines', () => {
    expect(isSameCommitment(task({}), task({ action: 'organise a youth festival in Baku' }))).toBe(
      false,
    );
    expect(isSameCommitment(task({}), task({ actorKey: 'ministers of transport' }))).toBe(false);
    expect(isSameCommitment(task({ deadline: '2025-03' }), task({ deadline: '2026-03' }))).toBe(
      false,
    );
  });

  it('picks the closest of several matches', () => {
    const a = { ...event({ deadline: '2024-10-01' }), id: 'a' };
    const b = { ...event({ deadline: '2024-10-24' }), id: 'b' };
    expect(bestMatch(event({ deadline: '2024-10-24' }), [a, b])?.id).toBe('b');
    expect(
      bestMatch(event({ place: 'Baku', actorKey: 'x', deadline: '2024-10-24' }), [a, b]),
    ).toBeNull();
  });
});

describe('helpers', () => {
  it('normalises actors', () => expect(actorKey('The  Secretariat')).toBe('secretariat'));
  it('measures content-word overlap', () => {
    expect(
      similarity('establish a joint fund', 'establishment of the joint fund'),
    ).toBeGreaterThanOrEqual(0.5);
    expect(similarity('', 'anything')).toBe(0);
  });
  it('treats nested periods as the same date', () => {
    expect(daysApart('2026', '2026-10-24')).toBe(0);
    expect(daysApart('2026-10-01', '2026-10-24')).toBe(23);
  });
  it('refines, replaces or keeps deadlines', () => {
    expect(nextDeadline('2026', '2026-10-24', false)).toBe('2026-10-24');
    expect(nextDeadline('2026-10-24', '2026', true)).toBe('2026-10-24');
    expect(nextDeadline('2026-10-24', '2026-11-05', true)).toBe('2026-11-05');
    expect(nextDeadline('2026-10-24', '2026-11-05', false)).toBe('2026-10-24');
    expect(nextDeadline(null, '2026', false)).toBe('2026');
    expect(nextDeadline('2026', null, true)).toBe('2026');
  });
});

describe(compatibleDueDates.name, () => {
  // Any deadline at day, month or year precision in 2026 or 2027 (so that many pairs are compatible).
  const deadline = fc
    .tuple(
      fc.integer({ min: 2026, max: 2027 }),
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 28 }),
    )
    .map(([y, m, d]) =>
      m === 0
        ? `${y}`
        : d === 0
          ? `${y}-${String(m).padStart(2, '0')}`
          : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    );

  it('holds the due date of every item whose deadline matching would accept', () => {
    fc.assert(
      fc.property(deadline, deadline, (incoming, existing) => {
        const same = isSameCommitment(task({ deadline: incoming }), task({ deadline: existing }));
        fc.pre(same);
        const { from, to } = compatibleDueDates(incoming);
        const due = parseDeadline(existing)!.dueDate;
        return from <= due && due <= to;
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves out items due far away', () => {
    expect(compatibleDueDates('2027-03-15')).toEqual({ from: '2027-02-12', to: '2028-04-15' });
  });
});
