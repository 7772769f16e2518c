/** The shapes the page reads from the services' HTTP APIs. */

export type Kind = 'mandate' | 'pledge' | 'event';
export type Role = 'viewer' | 'coordinator' | 'admin';

export interface Item {
  id: string;
  kind: Kind;
  actor: string;
  /** The canonical actor (registry name), when extraction resolved one; older items have none. */
  canonicalActor?: string | null;
  action: string;
  status: string;
  deadline: string | null;
  dueDate: string | null;
  deadlineSource: 'explicit' | 'resolved' | 'none';
  overdue: boolean;
  owner: string | null;
  place: string | null;
  dependsOn: string | null;
  sourceCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ItemPage {
  total: number;
  totalCapped: boolean;
  limit: number;
  offset: number;
  items: Item[];
}

export interface ItemDetail extends Item {
  nextStatuses: string[];
  mayChange: boolean;
  manual: { action: boolean; deadline: boolean };
  sources: {
    documentId: string;
    engine: string;
    evidence: { text: string; start: number; end: number };
    published: string | null;
    language: string;
    confidence: number;
    deadline: string | null;
  }[];
  dependents: { id: string; kind: Kind; actor: string; deadline: string | null }[];
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

export interface DocumentView {
  id: string;
  title: string | null;
  language: string;
  published: string | null;
  sourceUrl: string | null;
  mediaType: string;
  fileName: string | null;
  receivedAt: string;
  extraction: { at: string; engineVersion: string; commitments: number } | null;
  text: string;
}

export interface Receipt {
  id: string;
  duplicate: boolean;
}

export interface ChangedEvent {
  id: string;
  type: string;
  time: string;
  data: {
    itemId: string;
    version: number;
    change: string;
    kind: Kind;
    actor: string;
    action: string;
    status: string;
    dueDate: string | null;
    changedAt?: string;
    reason?: string;
  };
}

export interface Overview {
  today: string;
  lastEventId: string;
  total: number;
  overdue: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  upcoming: {
    itemId: string;
    kind: Kind;
    actor: string;
    action: string;
    status: string;
    deadline: string | null;
    dueDate: string;
    place: string | null;
  }[];
  recent: { id: string; type: string; event: ChangedEvent }[];
}
