export const FEEDS_OPTIONS = Symbol('FEEDS_OPTIONS');

export interface FeedsOptions {
  /** RSS or Atom feeds to poll; none when empty. */
  urls: string[];
  intervalMs: number;
  /** Per request: feeds and the pages their entries link to. */
  timeoutMs: number;
  maxBytes: number;
}
