import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from '@ct/platform';
import { AccessGuard, Allow } from '@ct/access';
import { ReprocessService } from '../extraction/reprocess.service';

const reprocessSchema = z.strictObject({
  since: z.iso.date('since must be a date in the form YYYY-MM-DD').optional(),
  force: z.boolean().optional(),
});

@Controller('admin')
@UseGuards(AccessGuard)
@Allow({ roles: ['admin'], refusal: 'reprocessing is for admins' })
export class AdminController {
  constructor(private readonly reprocessing: ReprocessService) {}

  /** Re-run the current engine over stored documents (received since `since`); answers with counts. */
  @Post('reprocess')
  @HttpCode(HttpStatus.OK)
  reprocess(@Body(new ZodValidationPipe(reprocessSchema)) body: z.infer<typeof reprocessSchema>) {
    return this.reprocessing.reprocess(body);
  }
}
