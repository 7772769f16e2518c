import { z } from 'zod';
import { commitmentKind, commitmentStatus } from '@ct/contracts';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * The register's filters, spelled as the commitments API spells them
 * (GET /items), so that the page can pass its current view to the export.
 */
export const itemFilter = z.object({
  kind: commitmentKind.optional(),
  status: commitmentStatus.optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  overdue: bool.optional(),
  open: bool.optional(),
  dueBefore: z.iso.date().optional(),
  dueAfter: z.iso.date().optional(),
  q: z.string().trim().min(2).max(200).optional(),
  sort: z.enum(['due', '-due', 'created', '-created', 'updated', '-updated']).default('-created'),
});
export type ItemFilter = z.infer<typeof itemFilter>;
