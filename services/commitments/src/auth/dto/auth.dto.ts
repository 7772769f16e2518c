import { z } from 'zod';
import { apiKeyScope } from '@ct/contracts';

const actors = z.array(z.string().trim().min(1).max(200)).max(100);
const role = z.enum(['viewer', 'coordinator', 'admin']);

export const loginBody = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(1000),
});

export const createUserBody = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(12, 'password must be at least 12 characters').max(1000),
  role,
  actors: actors.default([]),
});

/** Any of role, actors and disabled; every change signs the user out everywhere. */
export const updateUserBody = z
  .strictObject({
    role: role.optional(),
    actors: actors.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'send at least one of role, actors, disabled');

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role,
  actors: actors.default([]),
  /** `ingest`: may add documents to the ingestion service; `read`: may read them. */
  scopes: z.array(apiKeyScope).max(2).default([]),
});
