import { Body, Controller, Param, ParseUUIDPipe, Patch, Req, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from '@ct/platform';
import { publishedField } from '../documents/publication-date';
import { DocumentCorrectionsService } from './document-corrections.service';
import type { SignedInRequest } from '../admin/role-token.guard';
import { EditorTokenGuard } from './editor-token.guard';

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
@UseGuards(EditorTokenGuard)
export class DocumentCorrectionsController {
  constructor(private readonly corrections: DocumentCorrectionsService) {}

  /** Correct a stored document's publication date or language; it is read again (audited). */
  @Patch(':id')
  correct(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(correctionSchema)) body: z.infer<typeof correctionSchema>,
    @Req() req: SignedInRequest,
  ) {
    return this.corrections.correct(
      id,
      body,
      req.tokenUser!.email,
      new Date().toISOString().slice(0, 10),
    );
  }
}
