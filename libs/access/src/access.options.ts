import type { TokenAudience } from '@ct/contracts';

export const ACCESS_OPTIONS = Symbol('ACCESS_OPTIONS');

export interface AccessOptions {
  /** This service, as named in a token's audience. */
  service: TokenAudience;
  /** The commitments service's public key (PEM), which verifies sign-in tokens; without it a request with a token gets 503 (API keys still work). */
  publicKey: string | null;
  /** How long a principal's state is reused before it is read again (revocation takes effect within this). */
  cacheMs?: number;
  /**
   * How long a request with a valid token waits for its user to be
   * announced here (a user created a moment ago) before it is refused.
   */
  unknownUserWaitMs?: number;
}
