import {
  Controller,
  Get,
  Header,
  Inject,
  Post,
  Query,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { commitmentKind } from '@ct/contracts';
import { ZodValidationPipe } from '@ct/platform';
import {
  ACCESS_OPTIONS,
  AccessGuard,
  CurrentCaller,
  type AccessOptions,
  type Caller,
} from '@ct/access';
import { calendarFeed } from './calendar-feed';
import { ItemSnapshots } from './item-snapshots.store';
import { publicBase } from '../web/public-base';
import { WEB_OPTIONS, type WebOptions } from '../web/web.options';

const AUDIENCE = 'calendar-feed';
const FEED_TOKEN_DAYS = 365;
const FEED_LIMIT = 10_000;

const feedFilter = z.strictObject({
  actor: z.string().trim().min(1).max(200).optional(),
  kind: commitmentKind.optional(),
});
const feedQuery = feedFilter.extend({ token: z.string().max(2000).optional() });

/**
 * GET /calendar.ics: deadlines and summits for calendar apps. Outlook and
 * Google Calendar subscribe by URL and cannot send a header, so the URL
 * carries its own token: signed by the dashboard for this feed only (a user
 * token is not accepted here, nor is a feed token anywhere else), valid for a
 * year. POST /api/calendar-links hands one to a signed-in user.
 */
@Controller()
export class CalendarController {
  private readonly jwt = new JwtService();

  constructor(
    private readonly items: ItemSnapshots,
    @Inject(ACCESS_OPTIONS) private readonly auth: AccessOptions,
    @Inject(WEB_OPTIONS) private readonly web: WebOptions,
  ) {}

  @Post('api/calendar-links')
  @UseGuards(AccessGuard)
  async link(
    @Req() req: Request,
    @CurrentCaller() caller: Caller,
    @Query(new ZodValidationPipe(feedFilter)) f: z.infer<typeof feedFilter>,
  ) {
    const token = await this.jwt.signAsync(
      { sub: caller.id, email: caller.name },
      {
        secret: this.auth.jwtSecret!,
        audience: AUDIENCE,
        expiresIn: `${FEED_TOKEN_DAYS}d`,
      },
    );
    const q = new URLSearchParams({ ...f, token });
    return {
      url: `${publicBase(req, this.web.publicUrl)}/calendar.ics?${q}`,
      expiresInDays: FEED_TOKEN_DAYS,
    };
  }

  @Get('calendar.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async feed(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query(new ZodValidationPipe(feedQuery)) q: z.infer<typeof feedQuery>,
  ): Promise<string> {
    await this.verify(q.token);
    const items = await this.items.withDueDates({ actor: q.actor, kind: q.kind }, FEED_LIMIT);
    const name = ['Commitments', q.actor, q.kind].filter(Boolean).join(' · ');
    res.setHeader('content-disposition', 'inline; filename="commitments.ics"');
    const base = publicBase(req, this.web.publicUrl);
    return calendarFeed(items, { name, itemUrl: (id) => `${base}/#/items/${id}` });
  }

  private async verify(token: string | undefined): Promise<void> {
    if (!this.auth.jwtSecret) throw new UnauthorizedException('the calendar feed needs JWT_SECRET');
    if (!token) {
      throw new UnauthorizedException(
        'the feed URL carries a token: get one from the dashboard (Calendar) or POST /api/calendar-links',
      );
    }
    try {
      await this.jwt.verifyAsync(token, {
        secret: this.auth.jwtSecret,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
    } catch {
      throw new UnauthorizedException('invalid or expired calendar feed token');
    }
  }
}
