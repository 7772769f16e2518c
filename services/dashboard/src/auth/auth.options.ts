export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** The commitments service's signing secret; null turns signed-in routes off (503). */
  jwtSecret: string | null;
}
