import {
  Controller,
  Get,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';

import { Authenticator } from '@ct/access';
import { ZodValidationPipe } from '@ct/platform';
import { STREAM_OPTIONS, type StreamOptions } from './stream.options';
import { StreamEventsRepository } from './stream-events.repository';

const STREAMED = [
  'commitment.changed.v1',
  'alert.raised.v1',
  'alert.delivered.v1',
  'alert.failed.v1',
] as const;

const streamQuery = z.strictObject({
  /** Comma-separated event types; all streamed ones when absent. */
  types: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(STREAMED)).min(1))
    .optional(),
  kind: z.enum(['mandate', 'pledge', 'event']).optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  status: z.string().trim().min(1).max(40).optional(),
  itemId: z.uuid().optional(),
  /** Resume after this event id (as Last-Event-ID does); 0 replays everything kept. */
  lastEventId: z
    .string()
    .regex(/^\d{1,18}$/, 'lastEventId must be an event id from this stream')
    .optional(),
  /** For EventSource, which cannot send headers. */
  access_token: z.string().optional(),
});

const HEARTBEAT_MS = 15_000;
/** How often an open stream checks that its token still holds (expiry, revocation). */
const RECHECK_MS = 15_000;

/**
 * GET /api/stream: server-sent events of item changes and alerts, filtered,
 * for signed-in users. Each event's id is its place in the dashboard's
 * store, so a client that reconnects with Last-Event-ID (browsers do it by
 * themselves) gets exactly what it missed, in order.
 */
@Controller('api')
export class StreamController {
  private readonly logger = new Logger(StreamController.name);
  /** Open streams per user: a leaked or looping client cannot hold every connection. */
  private readonly open = new Map<string, number>();

  constructor(
    private readonly store: StreamEventsRepository,
    @Inject(STREAM_OPTIONS) private readonly options: StreamOptions,
    private readonly authenticator: Authenticator,
  ) {}

  @Get('stream')
  async stream(
    @Req() req: Request,
    @Res() res: Response,
    @Query(new ZodValidationPipe(streamQuery)) q: z.infer<typeof streamQuery>,
  ): Promise<void> {
    // After the query is validated (a bad filter is a 400 first).
    const caller = await this.authenticator.authenticate(req, { queryToken: true });
    const open = this.open.get(caller.id) ?? 0;
    if (open >= this.options.maxStreamsPerUser) {
      throw new HttpException(
        `you have ${open} streams open, the most one user may; close one first`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.open.set(caller.id, open + 1);
    req.on('close', () => {
      const n = (this.open.get(caller.id) ?? 1) - 1;
      if (n > 0) this.open.set(caller.id, n);
      else this.open.delete(caller.id);
    });
    const header = req.headers['last-event-id'];
    const resume =
      typeof header === 'string' && /^\d{1,18}$/u.test(header) ? header : q.lastEventId;
    let last = resume ?? (await this.store.latest());
    const filter = {
      types: q.types,
      kind: q.kind,
      actor: q.actor,
      status: q.status,
      itemId: q.itemId,
    };

    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    // A client resuming from before what is kept is told so, rather than silently missing events.
    const oldest = resume ? await this.store.oldest() : null;
    if (resume && oldest && BigInt(resume) + 1n < BigInt(oldest)) {
      res.write(
        `event: gap\ndata: ${JSON.stringify({ lastEventId: resume, oldestKept: oldest })}\n\n`,
      );
    }
    let closed = false;
    let busy = false;
    // A slow reader is not fed faster than it reads: writing waits for 'drain'.
    let blocked = false;
    res.on('drain', () => {
      blocked = false;
      void pump();
    });
    const pump = async () => {
      if (busy || closed || blocked) return;
      busy = true;
      try {
        for (;;) {
          const rows = await this.store.after(last, filter);
          for (const r of rows) {
            const ok = res.write(
              `id: ${r.seq}\nevent: ${r.type}\ndata: ${JSON.stringify(r.payload)}\n\n`,
            );
            last = r.seq;
            if (!ok) blocked = true;
          }
          if (rows.length < 500 || closed || blocked) break;
        }
      } catch (err) {
        this.logger.warn({ err }, 'stream read failed; trying again');
      } finally {
        busy = false;
      }
    };
    const poll = setInterval(() => void pump(), this.options.pollMs);
    const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    // An expired or revoked token ends the stream; the page signs in again.
    const recheck = setInterval(() => {
      this.authenticator.authenticate(req, { queryToken: true }).catch((err: unknown) => {
        if (closed) return;
        const reason = err instanceof HttpException ? err.message : 'sign in again';
        res.write(`event: signed-out\ndata: ${JSON.stringify({ reason })}\n\n`);
        res.end();
      });
    }, this.options.recheckMs ?? RECHECK_MS);
    req.on('close', () => {
      closed = true;
      clearInterval(poll);
      clearInterval(beat);
      clearInterval(recheck);
    });
    await pump();
  }
}
