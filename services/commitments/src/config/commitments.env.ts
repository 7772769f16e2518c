import { z } from 'zod';
import { baseEnv, loadEnv, signingKeyField } from '@ct/platform';

export const commitmentsEnv = baseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  /** Signs sign-in tokens (ES256); the other services hold only its public key (JWT_PUBLIC_KEY). */
  JWT_PRIVATE_KEY: signingKeyField,
  /** Lifetime of an access token; the page renews it through its refresh cookie. */
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(24 * 3600)
    .default(15 * 60),
  /** How long a sign-in lasts on the page without the password (the refresh cookie). */
  REFRESH_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(30 * 24 * 3600)
    .default(12 * 3600),
  /** The first admin, created on first start when no admin exists. */
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD must be at least 12 characters').optional(),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins of one account within 15 minutes before it is locked (across replicas). */
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  /** How long a locked account waits. */
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Failed token or API-key checks per client and minute before it gets 429 for the rest of the minute. */
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
});
export type CommitmentsEnv = z.infer<typeof commitmentsEnv>;

export const SERVICE = 'commitments';
export const SCHEMA = 'commitments';
export const CONSUMER_GROUP = 'commitments-register';

export const loadCommitmentsEnv = () => loadEnv(commitmentsEnv);
