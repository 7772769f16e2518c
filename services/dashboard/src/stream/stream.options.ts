export const STREAM_OPTIONS = Symbol('STREAM_OPTIONS');

export interface StreamOptions {
  pollMs: number;
  /** Events are replayable for this many days. */
  retentionDays: number;
}
