import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { AccessGuard } from '@ct/access';
import { z } from 'zod';
import { ZodValidationPipe } from '@ct/platform';
import { WatchesService } from './watches.service';

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** The deadlines this service watches, soonest first; for signed-in users. */
@Controller('watches')
@UseGuards(AccessGuard)
export class WatchesController {
  constructor(private readonly watches: WatchesService) {}

  @Get()
  async list(@Query(new ZodValidationPipe(pageQuery)) q: z.infer<typeof pageQuery>) {
    const rows = await this.watches.list(q.limit, q.offset);
    return rows.map((w) => ({
      itemId: w.itemId,
      kind: w.kind,
      actor: w.actor,
      status: w.status,
      dueDate: w.dueDate,
      owner: w.owner,
      itemVersion: w.itemVersion,
    }));
  }
}
