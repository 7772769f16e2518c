import { useEffect, useState } from 'preact/hooks';
import type { Role } from './types';

/** The signed-in user, from the commitments service's token (kept across reloads and tabs). */
export interface Session {
  token: string;
  email: string;
  role: Role;
  actors: string[];
  expiresAt: number;
}

const KEY = 'ct.session';
const listeners = new Set<(s: Session | null) => void>();

export function currentSession(): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    return s && s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

/** Decode (not verify: the services do that) the claims the page needs from a token. */
export function sessionFromToken(token: string): Session {
  const payload = token.split('.')[1] ?? '';
  const claims = JSON.parse(
    decodeURIComponent(
      atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
        .split('')
        .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
        .join(''),
    ),
  ) as { email: string; role: Role; actors?: string[]; exp: number };
  return {
    token,
    email: claims.email,
    role: claims.role,
    actors: claims.actors ?? [],
    expiresAt: claims.exp * 1000,
  };
}

export function signIn(s: Session): void {
  localStorage.setItem(KEY, JSON.stringify(s));
  listeners.forEach((l) => l(s));
}

export function signOut(): void {
  localStorage.removeItem(KEY);
  listeners.forEach((l) => l(null));
}

export function useSession(): Session | null {
  const [s, set] = useState(currentSession);
  useEffect(() => {
    listeners.add(set);
    // Another tab signing in or out.
    const onStorage = (e: StorageEvent) => e.key === KEY && set(currentSession());
    addEventListener('storage', onStorage);
    return () => {
      listeners.delete(set);
      removeEventListener('storage', onStorage);
    };
  }, []);
  return s;
}

export const mayAct = (s: Session | null) => s?.role === 'coordinator' || s?.role === 'admin';
