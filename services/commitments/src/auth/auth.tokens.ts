export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  tokenTtlSeconds: number;
  adminEmail?: string;
  adminPassword?: string;
  loginAttemptsPerMinute: number;
}
