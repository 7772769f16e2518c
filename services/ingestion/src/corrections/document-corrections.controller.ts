import { Body, Controller, Param, ParseUUIDPipe, Patch, UseGuards } from '@nestjs/common';
import { AccessGuard, Allow, CurrentCaller, type Caller } from '@ct/access';
import { z } from 'zod';
import { ZodValidationPipe } from '@ct/platform';
import { publishedField } from '../documents/publication-date';
import { DocumentCorrectionsService } from './document-corrections.service';

const correctionSchema = z
  .strictObject({
    published: publishedField.nullable().optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'language must be an ISO 639 code such as "en" or "tr", or null')
      .nullable()
      .optional(),
  })
  .refine((b) => b.published !== undefined || b.language !== undefined, {
    message: 'say what to correct: published and/or language',
  });

@Controller('documents')
@UseGuards(AccessGuard)
@Allow({
  roles: ['coordinator', 'admin'],
  refusal: 'correcting a document is for coordinators and admins',
})
export class DocumentCorrectionsController {
  constructor(private readonly corrections: DocumentCorrectionsService) {}

  /** Correct a stored document's publication date or language; it is read again (audited). */
  @Patch(':id')
  correct(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(correctionSchema)) body: z.infer<typeof correctionSchema>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.corrections.correct(id, body, caller.name, new Date());
  }
}
