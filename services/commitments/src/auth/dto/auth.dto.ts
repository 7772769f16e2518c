import { z } from 'zod';

export const loginBody = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(1000),
});

export const createUserBody = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(12, 'password must be at least 12 characters').max(1000),
  role: z.enum(['viewer', 'coordinator', 'admin']),
  actors: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
});

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['viewer', 'coordinator', 'admin']),
  actors: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
});
