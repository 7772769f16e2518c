import { z } from 'zod';
import { commitmentKind, registerFilterShape } from '@ct/contracts';

/** A report covers at most this many commitments: past it, the scope should be narrowed. */
export const REPORT_MAX_ITEMS = 5000;

/**
 * GET /reports/compliance: the source documents (`document`, repeated for a
 * summit's several reports) and/or an actor, optionally one kind and a
 * period of due dates.
 */
export const complianceQuery = z
  .strictObject({
    document: z
      .union([z.uuid(), z.array(z.uuid()).max(50)])
      .optional()
      .transform((d) => (d === undefined ? [] : Array.isArray(d) ? d : [d])),
    actor: registerFilterShape.actor,
    kind: commitmentKind.optional(),
    dueAfter: registerFilterShape.dueAfter,
    dueBefore: registerFilterShape.dueBefore,
  })
  .refine((q) => q.document.length > 0 || q.actor, {
    message: 'give at least one document (document=<id>) or an actor (actor=<name>)',
  })
  .refine((q) => !q.dueAfter || !q.dueBefore || q.dueAfter <= q.dueBefore, {
    message: 'dueAfter must not be after dueBefore',
  });
export type ComplianceQuery = z.infer<typeof complianceQuery>;
