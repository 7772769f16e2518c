import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { Topics } from '../topics';

/**
 * Who may call the system, as the commitments service (which keeps users and
 * API keys) announces it to the services that keep none. Each change carries
 * the principal's whole current state and a version that only grows; a
 * receiver keeps the highest version it has seen, so replays and reordering
 * across restarts change nothing. The topic is compacted by principal id.
 */
export const PRINCIPAL_CHANGED = 'principal.changed.v1';

export const userRole = z.enum(['viewer', 'coordinator', 'admin']);
export type UserRole = z.infer<typeof userRole>;

/** What an API key may do beyond its role on the commitments API. */
export const apiKeyScope = z.enum(['ingest', 'read']);
export type ApiKeyScope = z.infer<typeof apiKeyScope>;

export const principalChangedData = z.object({
  principalId: z.uuid(),
  kind: z.enum(['user', 'api-key']),
  /** Grows with every change; a sign-in token names the version it was issued at. */
  version: z.number().int().positive(),
  /** False once disabled, deleted or revoked: nothing it holds is accepted any more. */
  active: z.boolean(),
  name: z.string().max(320),
  role: userRole,
  actors: z.array(z.string().max(500)).max(200),
  scopes: z.array(apiKeyScope),
  /** SHA-256 of an API key (hex); null for users. The key itself never leaves the commitments service. */
  keyHash: z
    .string()
    .regex(/^[a-f0-9]{64}$/)
    .nullable(),
  changedAt: z.iso.datetime(),
});
export type PrincipalChangedData = z.infer<typeof principalChangedData>;

export const principalChangedEvent = {
  type: PRINCIPAL_CHANGED,
  topic: Topics.principals,
  schema: envelopeSchema(PRINCIPAL_CHANGED, principalChangedData),
  key: (d: PrincipalChangedData) => d.principalId,
} as const;
