import { z } from 'zod';
import { registerFilterShape } from '@ct/contracts';

/** The register's filters as the commitments API takes them, so the page can export its current view. */
export const itemFilter = z.strictObject(registerFilterShape);
export type ItemFilter = z.infer<typeof itemFilter>;
