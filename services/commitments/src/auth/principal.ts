import { actorKey } from '@ct/contracts';

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

/** May this principal change an item of this actor? Admins always; coordinators for their actors. */
export function mayChange(p: Principal, itemActor: string): boolean {
  if (p.role === 'admin') return true;
  if (p.role !== 'coordinator') return false;
  const key = actorKey(itemActor);
  return p.actors.some((a) => actorKey(a) === key);
}
