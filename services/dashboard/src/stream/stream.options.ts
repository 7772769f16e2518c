export const STREAM_OPTIONS = Symbol('STREAM_OPTIONS');

export interface StreamOptions {
  pollMs: number;
  /** Events are replayable for this many days. */
  retentionDays: number;
  /** Read commitment.changed and alerts.v1 from Kafka (off in tests that feed the stores directly). */
  consume: boolean;
  /** Streams one user may hold open at once. */
  maxStreamsPerUser: number;
  /** How often an open stream rechecks its token (default 15 s). */
  recheckMs?: number;
}
