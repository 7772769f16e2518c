import type {
  CommitmentKind,
  CommitmentStatus,
  ComplianceOutcome,
  ComplianceReport,
} from '@ct/contracts';

/** A commitment as the report reads it from the register. */
export interface ReportItem {
  id: string;
  reference: string | null;
  kind: CommitmentKind;
  actor: string;
  action: string;
  status: CommitmentStatus;
  deadline: string | null;
  dueDate: string | null;
  owner: string | null;
  createdAt: Date;
  documents: string[];
}

/** One row of an item's audit trail. */
export interface ReportHistory {
  itemId: string;
  at: Date;
  by: string;
  field: string;
  from: string | null;
  to: string | null;
  note: string | null;
}

export const OUTCOMES: readonly ComplianceOutcome[] = [
  'done',
  'done_late',
  'in_progress',
  'overdue',
  'not_started',
  'cancelled',
];

const COMPLETED: readonly string[] = ['done', 'held'];
const CALLED_OFF: readonly string[] = ['cancelled', 'retracted'];
const UNDER_WAY: readonly string[] = ['in_progress', 'blocked', 'postponed'];
/** At most this many points on the chart: the most recent months. */
export const TIMELINE_POINTS = 36;

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Where a commitment stands on `asOf`: called off; completed on time or
 * after its due date (an event held counts as on time: it is marked held
 * after the day by nature); past its due date and not completed; under way;
 * or not started.
 */
export function outcomeOf(
  kind: CommitmentKind,
  status: string,
  dueDate: string | null,
  completedAt: Date | null,
  asOf: string,
): ComplianceOutcome {
  if (CALLED_OFF.includes(status)) return 'cancelled';
  if (COMPLETED.includes(status)) {
    const late = kind !== 'event' && !!dueDate && !!completedAt && day(completedAt) > dueDate;
    return late ? 'done_late' : 'done';
  }
  if (dueDate && dueDate < asOf) return 'overdue';
  return UNDER_WAY.includes(status) ? 'in_progress' : 'not_started';
}

/** The item's status at the end of `at` (null: not yet registered), from its status changes, oldest first. */
export function statusAt(
  item: ReportItem,
  changes: ReportHistory[],
  at: Date,
): { status: string; completedAt: Date | null } | null {
  if (item.createdAt > at) return null;
  let status: string | null = null;
  let completedAt: Date | null = null;
  for (const c of changes) {
    if (c.at > at) {
      // The first change after `at` says what the status was until then.
      status ??= c.from ?? item.status;
      break;
    }
    status = c.to ?? status;
    completedAt = COMPLETED.includes(c.to ?? '') ? c.at : completedAt;
  }
  status ??= item.status;
  return { status, completedAt: COMPLETED.includes(status) ? completedAt : null };
}

/** Ends of the months from the first item's month to `asOf`'s (that day itself last). */
export function monthEnds(first: Date, asOf: string): string[] {
  const out: string[] = [];
  const [ay, am] = asOf.split('-').map(Number);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth() + 1;
  while (y < ay || (y === ay && m < am)) {
    out.push(day(new Date(Date.UTC(y, m, 0))));
    if (m === 12) {
      y += 1;
      m = 1;
    } else {
      m += 1;
    }
  }
  out.push(asOf);
  return out.slice(-TIMELINE_POINTS);
}

const zero = () =>
  Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<ComplianceOutcome, number>;

/** The report for these items and their history as of `now`. */
export function complianceReport(
  scope: ComplianceReport['scope'],
  items: ReportItem[],
  history: ReportHistory[],
  now: Date,
): ComplianceReport {
  const asOf = day(now);
  // Each item's history, oldest first, and its status changes among it: grouped once.
  const byItem = new Map<string, ReportHistory[]>(items.map((i) => [i.id, []]));
  for (const h of history) byItem.get(h.itemId)?.push(h);
  for (const own of byItem.values()) own.sort((a, b) => +a.at - +b.at);
  const changesOf = new Map(
    [...byItem].map(([id, own]) => [id, own.filter((h) => h.field === 'status')]),
  );

  const counts = zero();
  const rows = items.map((i) => {
    const own = byItem.get(i.id)!;
    const { completedAt } = statusAt(i, changesOf.get(i.id)!, now) ?? { completedAt: null };
    const outcome = outcomeOf(i.kind, i.status, i.dueDate, completedAt, asOf);
    counts[outcome]++;
    return {
      id: i.id,
      reference: i.reference,
      kind: i.kind,
      actor: i.actor,
      action: i.action,
      status: i.status,
      outcome,
      deadline: i.deadline,
      dueDate: i.dueDate,
      owner: i.owner,
      completedAt: completedAt?.toISOString() ?? null,
      documents: i.documents,
      history: own.map((h) => ({
        at: h.at.toISOString(),
        by: h.by,
        field: h.field,
        from: h.from,
        to: h.to,
        note: h.note,
      })),
    };
  });

  const total = items.length;
  const shares = zero();
  for (const o of OUTCOMES) shares[o] = total ? counts[o] / total : 0;
  const judged = counts.done + counts.done_late + counts.overdue;

  const first = items.reduce<Date | null>(
    (a, i) => (a === null || i.createdAt < a ? i.createdAt : a),
    null,
  );
  const timeline = first
    ? monthEnds(first, asOf).map((date) => {
        const at = new Date(`${date}T23:59:59.999Z`);
        const c = zero();
        for (const i of items) {
          const s = statusAt(i, changesOf.get(i.id)!, at);
          if (s) c[outcomeOf(i.kind, s.status, i.dueDate, s.completedAt, date)]++;
        }
        return { date, counts: c };
      })
    : [];

  return {
    generatedAt: now.toISOString(),
    asOf,
    scope,
    total,
    counts,
    shares,
    onTimeRate: judged ? counts.done / judged : null,
    timeline,
    items: rows,
  };
}
