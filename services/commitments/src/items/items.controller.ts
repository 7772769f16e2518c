import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from '@ct/platform';
import { ItemsService } from './items.service';
import { toItemView } from './item.view';

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

@Controller('items')
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Get()
  async list(@Query(new ZodValidationPipe(pageQuery)) q: z.infer<typeof pageQuery>) {
    const { items, total } = await this.items.list(q.limit, q.offset);
    return { total, limit: q.limit, offset: q.offset, items: items.map((i) => toItemView(i)) };
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    return toItemView(await this.items.get(id));
  }
}
