import { useEffect, useState } from 'preact/hooks';
import { send, service, type SignIn as SignInAnswer } from './api';
import type { Role } from './types';

/**
 * The signed-in user, from the commitments service's short-lived token. The
 * token lives in this page's memory only (never in storage a script could
 * read later); the sign-in itself is kept by an HttpOnly refresh cookie of
 * the commitments service, which renews the token before it expires and
 * restores it after a reload.
 */
export interface Session {
  token: string;
  email: string;
  role: Role;
  actors: string[];
  expiresAt: number;
}

const listeners = new Set<(s: Session | null) => void>();
let current: Session | null = null;
let renewal: ReturnType<typeof setTimeout> | undefined;
// Signing out in one tab signs out the others.
const tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('ct.session');
tabs?.addEventListener('message', (e: MessageEvent<string>) => {
  if (e.data === 'signed-out') set(null);
});

function set(s: Session | null): void {
  current = s;
  clearTimeout(renewal);
  if (s) {
    // A minute before it expires (or halfway, for very short tokens).
    const wait = Math.max(
      5_000,
      Math.min(s.expiresAt - Date.now() - 60_000, (s.expiresAt - Date.now()) / 2),
    );
    renewal = setTimeout(() => void restoreSession(), wait);
  }
  listeners.forEach((l) => l(s));
}

export function currentSession(): Session | null {
  return current && current.expiresAt > Date.now() ? current : null;
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

/** Sign in with email and password; the commitments service sets the refresh cookie. */
export async function signInWith(email: string, password: string): Promise<void> {
  const r = await send<SignInAnswer>(service('commitmentsUrl'), '/auth/login', {
    method: 'POST',
    json: { email, password },
    credentials: true,
  });
  set(sessionFromToken(r.token));
}

/** A token from the refresh cookie, if the sign-in still holds; otherwise signed out. */
export async function restoreSession(): Promise<void> {
  try {
    const r = await send<SignInAnswer>(service('commitmentsUrl'), '/auth/refresh', {
      method: 'POST',
      credentials: true,
    });
    set(sessionFromToken(r.token));
  } catch {
    set(null);
  }
}

export function signOut(): void {
  void send(service('commitmentsUrl'), '/auth/logout', { method: 'POST', credentials: true }).catch(
    () => undefined,
  );
  tabs?.postMessage('signed-out');
  set(null);
}

export function useSession(): Session | null {
  const [s, setS] = useState(currentSession);
  useEffect(() => {
    listeners.add(setS);
    return () => {
      listeners.delete(setS);
    };
  }, []);
  return s;
}

export const mayAct = (s: Session | null) => s?.role === 'coordinator' || s?.role === 'admin';
