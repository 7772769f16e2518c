import { z } from 'zod';
import { baseEnv, loadEnv } from '@ct/platform';

export const commitmentsEnv = baseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  DB_MIGRATIONS_RUN: z.stringbool().default(true),
});
export type CommitmentsEnv = z.infer<typeof commitmentsEnv>;

export const SERVICE = 'commitments';
export const SCHEMA = 'commitments';
export const CONSUMER_GROUP = 'commitments-register';

export const loadCommitmentsEnv = () => loadEnv(commitmentsEnv);
