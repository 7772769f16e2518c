import type { ApiKeyScope, UserRole } from '@ct/contracts';

/** Who made a request: a signed-in user or an API key, as this service knows them now. */
export interface Caller {
  id: string;
  kind: 'user' | 'api-key';
  /** The user's email, or `api-key:<name>`. */
  name: string;
  role: UserRole;
  actors: string[];
  scopes: ApiKeyScope[];
}

/**
 * Who may use a route: signed-in users of these roles (default: every role)
 * and API keys holding one of these scopes (default: none).
 */
export interface AccessPolicy {
  roles?: readonly UserRole[];
  scopes?: readonly ApiKeyScope[];
  /** Also take the sign-in token from `?access_token=` (EventSource cannot send headers). */
  queryToken?: boolean;
  /** What the refusal (403) says, e.g. "adding documents is for coordinators and admins". */
  refusal?: string;
}

export const ALL_ROLES: readonly UserRole[] = ['viewer', 'coordinator', 'admin'];
