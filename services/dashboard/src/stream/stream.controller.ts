import { Controller, Get, Inject, Logger, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';

import { requestUser, ZodValidationPipe } from '@ct/platform';
import { AUTH_OPTIONS, type AuthOptions } from '../auth/auth.options';
import { STREAM_OPTIONS, type StreamOptions } from './stream.options';
import { StreamStore } from './stream-store.service';

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

/**
 * GET /api/stream: server-sent events of item changes and alerts, filtered,
 * for signed-in users. Each event's id is its place in the dashboard's
 * store, so a client that reconnects with Last-Event-ID (browsers do it by
 * themselves) gets exactly what it missed, in order.
 */
@Controller('api')
export class StreamController {
  private readonly logger = new Logger(StreamController.name);

  constructor(
    private readonly store: StreamStore,
    @Inject(STREAM_OPTIONS) private readonly options: StreamOptions,
    @Inject(AUTH_OPTIONS) private readonly auth: AuthOptions,
  ) {}

  @Get('stream')
  async stream(
    @Req() req: Request,
    @Res() res: Response,
    @Query(new ZodValidationPipe(streamQuery)) q: z.infer<typeof streamQuery>,
  ): Promise<void> {
    // After the query is validated (a bad filter is a 400 first), as before.
    await requestUser(req, this.auth.jwtSecret, {
      unavailable: 'the stream needs JWT_SECRET set on the dashboard service',
      queryToken: true,
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
    const pump = async () => {
      if (busy || closed) return;
      busy = true;
      try {
        for (;;) {
          const rows = await this.store.after(last, filter);
          for (const r of rows) {
            res.write(`id: ${r.seq}\nevent: ${r.type}\ndata: ${JSON.stringify(r.payload)}\n\n`);
            last = r.seq;
          }
          if (rows.length < 500 || closed) break;
        }
      } catch (err) {
        this.logger.warn({ err }, 'stream read failed; trying again');
      } finally {
        busy = false;
      }
    };
    const poll = setInterval(() => void pump(), this.options.pollMs);
    const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      closed = true;
      clearInterval(poll);
      clearInterval(beat);
    });
    await pump();
  }
}
