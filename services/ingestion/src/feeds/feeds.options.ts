import type { EgressPolicy } from '@ct/egress';

export const FEEDS_OPTIONS = Symbol('FEEDS_OPTIONS');

export interface FeedsOptions {
  /** RSS or Atom feeds to poll; none when empty. */
  urls: string[];
  intervalMs: number;
  /** Per request: feeds and the pages their entries link to. */
  timeoutMs: number;
  maxBytes: number;
  /** Where feeds and their entries' links may be fetched from: public addresses, plus EGRESS_ALLOW. */
  egress: EgressPolicy;
}
