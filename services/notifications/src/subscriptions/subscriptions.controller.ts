import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  UnprocessableEntityException,
  UseGuards,
} from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from '@ct/platform';
import { recipientRef } from '../deliveries/delivery-outcome';
import { newWebhookSecret } from '../deliveries/webhook-signature';
import { AccessGuard, CurrentCaller, type Caller } from '@ct/access';
import { checkTarget, EgressRefusedError } from '@ct/egress';
import { ALERTS_OPTIONS, type AlertsOptions } from '../alerts/alerts.options';
import { SubscriptionsRepository, type Subscription } from './subscriptions.repository';

const createSchema = z
  .strictObject({
    email: z.email('email must be an email address').optional(),
    webhook: z.url({ protocol: /^https?$/, error: 'webhook must be an http(s) URL' }).optional(),
    actors: z.array(z.string().trim().min(1).max(300)).max(100).default([]),
    kinds: z
      .array(z.enum(['mandate', 'pledge', 'event']))
      .max(3)
      .default([]),
    items: z.array(z.uuid()).max(1000).default([]),
    /** A weekly email of what is due, overdue and changed (email subscriptions only). */
    digest: z.boolean().default(false),
  })
  .refine(
    (b) => (b.email ? 1 : 0) + (b.webhook ? 1 : 0) === 1,
    'give exactly one channel: email or webhook',
  )
  .refine((b) => !b.digest || !!b.email, 'a weekly digest goes by email: give email, not webhook');

const view = (r: Subscription) => ({
  id: r.id,
  subscriber: r.subscriber,
  channel: r.channel,
  target: r.target,
  /** How alert.delivered and alert.failed events name this subscription's deliveries. */
  recipientRef: recipientRef(r.channel, r.target),
  filter: { actors: r.actors, kinds: r.kinds, items: r.items },
  digest: r.digest,
  lastDigestAt: r.digest_sent_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

/**
 * Who gets which alerts. Coordinators manage their own subscriptions, admins
 * everyone's; viewers read alerts in the dashboard. An empty filter means
 * every alert. A webhook subscription's signing secret is shown once, here.
 */
@Controller('subscriptions')
@UseGuards(AccessGuard)
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    @Inject(ALERTS_OPTIONS) private readonly alerts: AlertsOptions,
  ) {}

  @Post()
  async create(
    @CurrentCaller() user: Caller,
    @Body(new ZodValidationPipe(createSchema)) body: z.infer<typeof createSchema>,
  ) {
    if (user.role === 'viewer')
      throw new ForbiddenException('viewers cannot subscribe; ask a coordinator or admin');
    if (body.webhook) {
      // Refused now, with the reason, rather than failing at every alert later.
      await checkTarget(body.webhook, this.alerts.egress).catch((err: unknown) => {
        if (err instanceof EgressRefusedError) {
          throw new UnprocessableEntityException(`webhook refused: ${err.message}`);
        }
        throw err;
      });
    }
    const secret = body.webhook ? newWebhookSecret() : null;
    const row = await this.subscriptions.create({
      subscriber: user.id,
      channel: body.webhook ? 'webhook' : 'email',
      target: (body.webhook ?? body.email)!,
      secret,
      actors: body.actors.map((a) => a.toLowerCase()),
      kinds: body.kinds,
      items: body.items,
      digest: body.digest,
    });
    return { ...view(row), ...(secret ? { secret } : {}) };
  }

  @Get()
  async list(@CurrentCaller() user: Caller) {
    const rows = await this.subscriptions.list(user.role === 'admin' ? null : user.id);
    return { items: rows.map(view) };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@CurrentCaller() user: Caller, @Param('id', new ParseUUIDPipe()) id: string) {
    const row = await this.subscriptions.findOne(id);
    if (!row) throw new NotFoundException(`subscription ${id} not found`);
    if (user.role !== 'admin' && row.subscriber !== user.id) {
      throw new ForbiddenException('this subscription is someone else’s');
    }
    await this.subscriptions.remove(id);
  }
}
