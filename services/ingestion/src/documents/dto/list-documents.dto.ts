import { z } from 'zod';

/** Beyond this many matches the list says "1000+" instead of counting them all. */
export const LIST_CAP = 1000;

/** GET /documents: a page of the stored documents, optionally those whose title or file name holds `q`. */
export const listDocumentsQuery = z.strictObject({
  q: z.string().trim().min(2).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuery>;
