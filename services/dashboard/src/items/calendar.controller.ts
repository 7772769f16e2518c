import {
  Controller,
  Delete,
  ForbiddenException,
  Get,
  Header,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { commitmentKind, itemPageUrl } from '@ct/contracts';
import { ZodValidationPipe } from '@ct/platform';
import { AccessGuard, CurrentCaller, PrincipalsRepository, type Caller } from '@ct/access';
import { calendarFeed } from './calendar-feed';
import { CalendarLinksRepository, type CalendarLink } from './calendar-links.repository';
import { ItemSnapshotsRepository } from './item-snapshots.repository';
import { publicBase } from '../web/public-base';
import { WEB_OPTIONS, type WebOptions } from '../web/web.options';

const FEED_TOKEN_DAYS = 365;
const FEED_LIMIT = 10_000;

const feedFilter = z.strictObject({
  actor: z.string().trim().min(1).max(200).optional(),
  kind: commitmentKind.optional(),
});
const feedQuery = z.object({ token: z.string().max(2000).optional() }).passthrough();

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * GET /calendar.ics: deadlines and summits for calendar apps. Outlook and
 * Google Calendar subscribe by URL and cannot send a header, so the URL
 * carries its own token: one per link, made for one filter (the feed shows
 * that filter, whatever else the URL says), kept here only as its hash, valid
 * for a year, and revocable one by one (DELETE /api/calendar-links/:id). A
 * link stops working too when its user is disabled or deleted. A sign-in
 * token is not accepted here, nor is a feed token anywhere else.
 */
@Controller()
export class CalendarController {
  constructor(
    private readonly items: ItemSnapshotsRepository,
    private readonly links: CalendarLinksRepository,
    private readonly principals: PrincipalsRepository,
    @Inject(WEB_OPTIONS) private readonly web: WebOptions,
  ) {}

  @Post('api/calendar-links')
  @UseGuards(AccessGuard)
  async link(
    @Req() req: Request,
    @CurrentCaller() caller: Caller,
    @Query(new ZodValidationPipe(feedFilter)) f: z.infer<typeof feedFilter>,
  ) {
    const token = `ctc_${randomBytes(24).toString('base64url')}`;
    const created = await this.links.create({
      userId: caller.id,
      tokenHash: sha256(token),
      actor: f.actor ?? null,
      kind: f.kind ?? null,
      expiresAt: new Date(Date.now() + FEED_TOKEN_DAYS * 86_400_000),
    });
    return {
      ...view(created),
      url: `${publicBase(req, this.web.publicUrl)}/calendar.ics?${new URLSearchParams({ token })}`,
      expiresInDays: FEED_TOKEN_DAYS,
    };
  }

  /** The caller's feed links (an admin's: everyone's), without their tokens. */
  @Get('api/calendar-links')
  @UseGuards(AccessGuard)
  async list(@CurrentCaller() caller: Caller) {
    return (await this.links.byUser(caller.role === 'admin' ? null : caller.id)).map(view);
  }

  @Delete('api/calendar-links/:id')
  @UseGuards(AccessGuard)
  @HttpCode(204)
  async revoke(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string) {
    const found = await this.links.byId(id);
    if (!found) throw new NotFoundException(`no calendar link ${id}`);
    if (found.userId !== caller.id && caller.role !== 'admin') {
      throw new ForbiddenException('this calendar link is someone else’s');
    }
    await this.links.revoke(id);
  }

  @Get('calendar.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async feed(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query(new ZodValidationPipe(feedQuery)) q: z.infer<typeof feedQuery>,
  ): Promise<string> {
    const l = await this.verify(q.token);
    const filter = {
      actor: l.actor ?? undefined,
      kind: (l.kind ?? undefined) as z.infer<typeof commitmentKind> | undefined,
    };
    const items = await this.items.withDueDates(filter, FEED_LIMIT);
    const name = ['Commitments', l.actor, l.kind].filter(Boolean).join(' · ');
    res.setHeader('content-disposition', 'inline; filename="commitments.ics"');
    const base = publicBase(req, this.web.publicUrl);
    return calendarFeed(items, { name, itemUrl: (id) => itemPageUrl(base, id) });
  }

  private async verify(token: string | undefined): Promise<CalendarLink> {
    if (!token) {
      throw new UnauthorizedException(
        'the feed URL carries a token: get one from the dashboard (Calendar) or POST /api/calendar-links',
      );
    }
    const l = await this.links.usable(sha256(token), new Date());
    const owner = l ? await this.principals.byId(l.userId) : null;
    if (!l || !owner?.active) {
      throw new UnauthorizedException('invalid, expired or revoked calendar feed link');
    }
    return l;
  }
}

function view(l: CalendarLink) {
  return {
    id: l.id,
    filter: { actor: l.actor, kind: l.kind },
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    revokedAt: l.revokedAt?.toISOString() ?? null,
  };
}
