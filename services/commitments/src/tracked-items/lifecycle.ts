import { CLOSED_STATUSES, type CommitmentStatus } from '@ct/contracts';

type Kind = 'mandate' | 'pledge' | 'event';

/** Which status may follow which; anything else is refused. */
const TASK: Record<string, CommitmentStatus[]> = {
  open: ['in_progress', 'blocked', 'cancelled', 'done'],
  in_progress: ['done', 'blocked', 'cancelled', 'open'],
  blocked: ['open', 'in_progress', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['open'],
  // Only the system retracts (see RetractionService); a coordinator may reinstate.
  retracted: ['open'],
};
const EVENT: Record<string, CommitmentStatus[]> = {
  scheduled: ['held', 'postponed', 'cancelled'],
  postponed: ['scheduled', 'held', 'cancelled'],
  held: [],
  cancelled: ['scheduled'],
  retracted: ['scheduled'],
};

export const INITIAL_STATUS: Record<Kind, CommitmentStatus> = {
  mandate: 'open',
  pledge: 'open',
  event: 'scheduled',
};
export const CLOSED = CLOSED_STATUSES;

export function allowedNext(kind: Kind, from: CommitmentStatus): CommitmentStatus[] {
  return (kind === 'event' ? EVENT : TASK)[from] ?? [];
}

export function statusesOf(kind: Kind): CommitmentStatus[] {
  return Object.keys(kind === 'event' ? EVENT : TASK) as CommitmentStatus[];
}

/** Derived, never stored: past its due date and not closed. */
export function isOverdue(
  status: CommitmentStatus,
  dueDate: string | null,
  today: string,
): boolean {
  return dueDate !== null && dueDate < today && !CLOSED.includes(status);
}
