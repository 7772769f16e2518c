export const STREAM_OPTIONS = Symbol('STREAM_OPTIONS');

export interface StreamOptions {
  jwtSecret: string | null;
  pollMs: number;
}
