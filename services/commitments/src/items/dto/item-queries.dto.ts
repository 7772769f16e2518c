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

/**
 * Item fields a coordinator sets by hand as given: a text, or null to clear
 * it. (The action and the deadline are corrections with more to them: they
 * mark the field manual, and a deadline sets the due date.)
 */
export const plainCorrections = {
  reference: z.string().trim().min(1).max(40).nullable().optional(),
} satisfies Record<string, z.ZodType<string | null | undefined>>;
export type PlainCorrection = keyof typeof plainCorrections;

const correctable = ['action', 'deadline', ...Object.keys(plainCorrections)];

export const correctItemBody = z
  .strictObject({
    action: z.string().trim().min(3).max(2000).optional(),
    deadline: partialIsoDate.nullable().optional(),
    ...plainCorrections,
    note: z.string().trim().max(2000).optional(),
  })
  .refine(
    (b) => correctable.some((f) => (b as Record<string, unknown>)[f] !== undefined),
    `give a field to correct: ${correctable.join(', ')}`,
  );
export type ItemCorrection = z.infer<typeof correctItemBody>;

export const commentBody = z.strictObject({ body: z.string().trim().min(1).max(5000) });
