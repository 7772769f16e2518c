export const STREAM_OPTIONS = Symbol('STREAM_OPTIONS');

export interface StreamOptions {
  pollMs: number;
  /** Events are replayable for this many days. */
  retentionDays: number;
  /** Read commitment.changed and alerts.v1 from Kafka (off in tests that feed the stores directly). */
  consume: boolean;
}
