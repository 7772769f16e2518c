/**
 * The shapes of the HTTP APIs, as the services answer and as the web page
 * reads them. Types only, and importing only browser-safe modules: the
 * page's type check reads this file (services/dashboard/web/tsconfig.json),
 * so a field renamed here breaks the service that answers and the page that
 * reads it alike.
 */
import type { z } from 'zod';
import type { AlertRaisedData } from './events/alert.events';
import type {
  CommitmentChangedData,
  CommitmentStatus,
  TrackedItemFields,
} from './events/commitment-changed.event';
import type { commitmentKind, deadlineSource } from './events/common';
import type { UserRole } from './events/principal-changed.event';

export type { CommitmentStatus, UserRole };
export type CommitmentKind = z.infer<typeof commitmentKind>;
export type DeadlineSource = z.infer<typeof deadlineSource>;

/**
 * A tracked item (commitments: GET /items, /items/:id): the fields
 * `commitment.changed` carries (TrackedItemFields), and what the register
 * derives or keeps besides.
 */
export interface ItemView extends TrackedItemFields {
  id: string;
  /** The registry's keys of the actor, when extraction resolved it. */
  actorKeys: string[];
  /** The actor's English registry name, when resolved. */
  canonicalActor: string | null;
  deadlinePrecision: 'year' | 'month' | 'day' | null;
  overdue: boolean;
  /** Fields a coordinator corrected by hand (extraction leaves them alone). */
  manual: { action: boolean; deadline: boolean };
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A page of the register (GET /items). */
export interface ItemPage {
  /** Counted up to a cap; `totalCapped` says the true count is larger. */
  total: number;
  totalCapped: boolean;
  limit: number;
  offset: number;
  items: ItemView[];
}

/** One item with what supports and changed it (GET /items/:id). */
export interface ItemDetailView extends ItemView {
  /** Statuses the caller may move it to. */
  nextStatuses: CommitmentStatus[];
  /** Whether the caller may change it. */
  mayChange: boolean;
  sources: {
    documentId: string;
    engine: string;
    evidence: { text: string; start: number; end: number };
    published: string | null;
    language: string;
    confidence: number;
    deadline: string | null;
  }[];
  dependents: { id: string; kind: CommitmentKind; actor: string; deadline: string | null }[];
  history: {
    at: string;
    by: string;
    field: string;
    from: string | null;
    to: string | null;
    note: string | null;
    documentId: string | null;
  }[];
  comments: { author: string; body: string; at: string }[];
}

/** How a document came in. */
export type DocumentOrigin = 'api' | 'upload' | 'folder' | 'feed' | 'cli';

/** A stored document (ingestion: GET /documents/:id). */
export interface DocumentView {
  id: string;
  title: string | null;
  language: string | null;
  /** At the precision it is known: 2024, 2024-07 or 2024-07-06. */
  published: string | null;
  sourceUrl: string | null;
  mediaType: string;
  origin: DocumentOrigin;
  receivedBy: string | null;
  fileName: string | null;
  fileHash: string | null;
  contentHash: string;
  receivedAt: string;
  extraction: { at: string; engineVersion: string | null; commitments: number | null } | null;
  text: string;
}

/** A stored document as a list shows it, without its text (GET /documents). */
export interface DocumentSummary {
  id: string;
  title: string | null;
  fileName: string | null;
  language: string | null;
  published: string | null;
  receivedAt: string;
  /** Commitments its last reading found; null until read. */
  commitments: number | null;
}

/** A page of stored documents, newest first (GET /documents). */
export interface DocumentPage {
  /** Counted up to a cap; `totalCapped` says the true count is larger. */
  total: number;
  totalCapped: boolean;
  items: DocumentSummary[];
}

/** What ingestion answers for a document sent (POST /documents, /documents/file). */
export interface DocumentReceipt {
  id: string;
  duplicate: boolean;
  contentHash: string;
}

/** An event as the dashboard streams it (GET /api/stream, the overview's latest changes). */
export type StreamedEvent =
  | StreamedAs<'commitment.changed.v1', CommitmentChangedData>
  | StreamedAs<'alert.raised.v1', AlertRaisedData>;
interface StreamedAs<T extends string, D> {
  id: string;
  type: T;
  time: string;
  subject?: string;
  data: D;
}

/** An item as the dashboard's read model summarises it (the overview's next deadlines). */
export interface ItemSummary {
  itemId: string;
  kind: string;
  actor: string;
  action: string;
  status: string;
  deadline: string | null;
  dueDate: string | null;
  place: string | null;
}

/** The dashboard's overview (GET /api/overview). */
export interface OverviewView {
  today: string;
  /** The stream position this picture was read at: the live stream starts after it. */
  lastEventId: string;
  total: number;
  overdue: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  upcoming: ItemSummary[];
  recent: { id: string; type: string; event: StreamedEvent }[];
}

/** Where a commitment stands in a compliance report (GET /reports/compliance). */
export type ComplianceOutcome =
  'done' | 'done_late' | 'in_progress' | 'overdue' | 'not_started' | 'cancelled';

/**
 * A compliance report: for a set of source documents and/or an actor, every
 * commitment with its outcome and history, the counts and shares by outcome,
 * the on-time rate and the outcomes over time (GET /reports/compliance).
 */
export interface ComplianceReport {
  generatedAt: string;
  /** The day outcomes are judged on (UTC). */
  asOf: string;
  scope: {
    documents: string[];
    actor: string | null;
    kind: CommitmentKind | null;
    dueAfter: string | null;
    dueBefore: string | null;
  };
  total: number;
  counts: Record<ComplianceOutcome, number>;
  /** counts / total, 0 when there is nothing. */
  shares: Record<ComplianceOutcome, number>;
  /** Done by the due date, of those done or past their due date; null when none is. */
  onTimeRate: number | null;
  /** Outcomes at the end of each period, from the items' history. */
  timeline: { date: string; counts: Record<ComplianceOutcome, number> }[];
  items: {
    id: string;
    reference: string | null;
    kind: CommitmentKind;
    actor: string;
    action: string;
    status: CommitmentStatus;
    outcome: ComplianceOutcome;
    deadline: string | null;
    dueDate: string | null;
    owner: string | null;
    /** When it was marked done (or held), if it is. */
    completedAt: string | null;
    documents: string[];
    history: {
      at: string;
      by: string;
      field: string;
      from: string | null;
      to: string | null;
      note: string | null;
    }[];
  }[];
}
