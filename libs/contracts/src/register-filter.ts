import { z } from 'zod';
import { commitmentKind } from './events/common';
import { commitmentStatus } from './events/commitment-changed.event';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * The register's filters and sort as query parameters, spelled alike by every
 * service that lists tracked items (the commitments API, the dashboard's
 * export), so that a view is one set of parameters everywhere.
 */
export const registerFilterShape = {
  kind: commitmentKind.optional(),
  status: commitmentStatus.optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  overdue: bool.optional(),
  /** true: not closed (CLOSED_STATUSES: done, cancelled, held, retracted); false: closed. */
  open: bool.optional(),
  dueBefore: z.iso.date().optional(),
  dueAfter: z.iso.date().optional(),
  q: z.string().trim().min(2).max(200).optional(),
  sort: z.enum(['due', '-due', 'created', '-created', 'updated', '-updated']).default('-created'),
};

/** The register's filters and sort, parsed. */
export const registerFilter = z.strictObject(registerFilterShape);
export type RegisterFilter = z.infer<typeof registerFilter>;
