export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  tokenTtlSeconds: number;
  refreshTtlSeconds: number;
  adminEmail?: string;
  adminPassword?: string;
  loginAttemptsPerMinute: number;
  /** Failed sign-ins of one account (within 15 min) before it is locked for loginLockSeconds. */
  loginFailuresPerAccount: number;
  loginLockSeconds: number;
  /** Failed token or API-key checks a client may make per minute before it is refused for a while. */
  authFailuresPerMinute: number;
}
