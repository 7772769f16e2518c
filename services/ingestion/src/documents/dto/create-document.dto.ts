import { z } from 'zod';
import { publishedField } from '../publication-date';

/** What a sender may say about a document besides its text. */
const metadata = {
  title: z.string().trim().min(1).max(1000).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'language must be an ISO 639 code such as "en" or "tr"')
    .optional(),
  published: publishedField.optional(),
  sourceUrl: z.url({ protocol: /^https?$/, error: 'sourceUrl must be an http(s) URL' }).optional(),
};

export function createDocumentSchema(maxChars: number) {
  return z.strictObject({
    ...metadata,
    text: z
      .string({ error: 'text is required and must be a string' })
      .max(maxChars, `text is longer than the limit of ${maxChars} characters`)
      .refine((t) => t.trim().length > 0, 'text is empty')
      .refine((t) => !t.includes('\u0000'), 'text contains binary data (NUL bytes)'),
  });
}

export type CreateDocumentDto = z.infer<ReturnType<typeof createDocumentSchema>>;

/** The form fields that may accompany an uploaded file. */
export const uploadFieldsSchema = z.strictObject({
  ...metadata,
  /** The CLI says so, for provenance; anything else is an upload. */
  origin: z.enum(['upload', 'cli']).optional(),
});

export type UploadFields = z.infer<typeof uploadFieldsSchema>;

export type { DocumentReceipt } from '@ct/contracts';
