import { z } from 'zod';
import { commitmentStatus, partialIsoDate, registerFilterShape } from '@ct/contracts';

export const listItemsQuery = z.strictObject({
  ...registerFilterShape,
  documentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListItemsQuery = z.infer<typeof listItemsQuery>;

export const changeStatusBody = z.strictObject({
  status: commitmentStatus,
  note: z.string().trim().max(2000).optional(),
});

export const assignOwnerBody = z.strictObject({
  owner: z.string().trim().min(1).max(200).nullable(),
  note: z.string().trim().max(2000).optional(),
});

export const correctItemBody = z
  .strictObject({
    action: z.string().trim().min(3).max(2000).optional(),
    deadline: partialIsoDate.nullable().optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine(
    (b) => b.action !== undefined || b.deadline !== undefined,
    'give action and/or deadline to correct',
  );

export const commentBody = z.strictObject({ body: z.string().trim().min(1).max(5000) });
