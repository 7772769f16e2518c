import { keysMeant } from '@ct/actors';
import { actorKey, keysOfRegisterActor } from '@ct/contracts';

export type Role = 'viewer' | 'coordinator' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'coordinator', 'admin'];

/** Who is calling: a signed-in user or an API key. */
export interface Principal {
  id: string;
  name: string;
  role: Role;
  actors: string[];
  via: 'token' | 'api-key';
}

/**
 * May this principal change this item? Admins always; coordinators for their
 * actors: the item's actor as written, or a state or organisation the item
 * stands for ("Kyrgyzstan" coordinates "Kazakhstan and Kyrgyzstan", "KG" and
 * "Кыргызстан" alike, and "the foreign ministries of Armenia and Georgia" for
 * a coordinator of Armenia).
 */
export function mayChange(p: Principal, item: { actor: string; actorKey?: string }): boolean {
  if (p.role === 'admin') return true;
  if (p.role !== 'coordinator') return false;
  const key = actorKey(item.actor);
  if (p.actors.some((a) => actorKey(a) === key)) return true;
  const itemKeys = new Set([...keysOfRegisterActor(item.actorKey ?? ''), ...keysMeant(item.actor)]);
  if (itemKeys.size === 0) return false;
  return p.actors.some((a) => keysMeant(a).some((k) => itemKeys.has(k)));
}
