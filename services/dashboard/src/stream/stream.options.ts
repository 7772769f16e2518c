export const STREAM_OPTIONS = Symbol('STREAM_OPTIONS');

export interface StreamOptions {
  jwtSecret: string | null;
  pollMs: number;
  /** Events are replayable for this many days. */
  retentionDays: number;
}
