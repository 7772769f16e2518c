import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import type { z } from 'zod';
import type { ItemDetailView, ItemPage } from '@ct/contracts';
import { ZodValidationPipe } from '@ct/platform';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { mayChange, type Principal } from '../auth/principal';
import {
  assignOwnerBody,
  changeStatusBody,
  commentBody,
  correctItemBody,
  listItemsQuery,
  type ListItemsQuery,
} from './dto/item-queries.dto';
import { TrackedItemsRepository } from '../tracked-items/tracked-items.repository';
import { ItemsService } from './items.service';
import { today, toItemDetailView, toItemView } from './item.view';

// Any RFC 9562 version: items created by extraction have time-ordered v7 ids.
const uuid = new ParseUUIDPipe();

@Controller('items')
export class ItemsController {
  constructor(
    private readonly items: ItemsService,
    private readonly repository: TrackedItemsRepository,
  ) {}

  @Get()
  async list(@Query(new ZodValidationPipe(listItemsQuery)) q: ListItemsQuery): Promise<ItemPage> {
    const on = today();
    const { items, total, totalCapped } = await this.repository.list(q, on);
    return {
      total,
      totalCapped,
      limit: q.limit,
      offset: q.offset,
      items: items.map((i) => toItemView(i, on)),
    };
  }

  @Get(':id')
  async get(
    @CurrentPrincipal() who: Principal,
    @Param('id', uuid) id: string,
  ): Promise<ItemDetailView> {
    const item = await this.repository.findOne(id);
    if (!item) throw new NotFoundException(`item ${id} not found`);
    return {
      ...toItemDetailView(item, await this.repository.details(id)),
      // Whether the caller may change it, so that a client offers only what will be accepted.
      mayChange: mayChange(who, item),
    };
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  async status(
    @CurrentPrincipal() who: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodValidationPipe(changeStatusBody)) body: z.infer<typeof changeStatusBody>,
  ) {
    return toItemView(await this.items.changeStatus(who, id, body.status, body.note));
  }

  @Put(':id/owner')
  @Roles('coordinator', 'admin')
  async owner(
    @CurrentPrincipal() who: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodValidationPipe(assignOwnerBody)) body: z.infer<typeof assignOwnerBody>,
  ) {
    return toItemView(await this.items.assignOwner(who, id, body.owner, body.note));
  }

  @Patch(':id')
  @Roles('coordinator', 'admin')
  async correct(
    @CurrentPrincipal() who: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodValidationPipe(correctItemBody)) body: z.infer<typeof correctItemBody>,
  ) {
    return toItemView(await this.items.correct(who, id, body));
  }

  @Post(':id/comments')
  @Roles('coordinator', 'admin')
  async comment(
    @CurrentPrincipal() who: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodValidationPipe(commentBody)) body: z.infer<typeof commentBody>,
  ) {
    await this.items.comment(who, id, body.body);
    return { ok: true };
  }
}
