import type { UserRole } from './events/principal-changed.event';

/*
 * The sign-in token every service accepts: issued by the commitments service,
 * verified by each for its own name among the audience.
 */

/** Tokens are ES256: signed with the commitments service's private key, verified with its public key. */
export const TOKEN_ALGORITHM = 'ES256';

/** The service that signs users in and issues their tokens. */
export const TOKEN_ISSUER = 'commitments';

/** Every service that accepts a sign-in token; each checks that it is among the audience. */
export const TOKEN_AUDIENCE = ['commitments', 'ingestion', 'notifications', 'dashboard'] as const;
export type TokenAudience = (typeof TOKEN_AUDIENCE)[number];

/** What a sign-in token says, beyond issuer, audience and expiry. */
export interface AccessClaims {
  sub: string;
  email: string;
  role: UserRole;
  actors: string[];
  /** The user's version when the token was issued: any later change to the user voids it. */
  ver: number;
}
