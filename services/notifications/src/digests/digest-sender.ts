import { Inject, Injectable, Logger } from '@nestjs/common';
import { counter } from '@ct/platform';
import { CLOSED } from '../alerts/alert-planner';
import { DAY_MS } from '../alerts/alert-rules';
import { ALERTS_OPTIONS, type AlertsOptions } from '../alerts/alerts.options';
import { CLOCK, type Clock } from '../clock/clock';
import { Channels } from '../deliveries/channels';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { WatchedDeadlinesRepository } from '../watches/watched-deadlines.repository';
import {
  composeDigest,
  digestEmail,
  digestWeek,
  DIGEST_EVERY_DAYS,
  DIGEST_MAX_ITEMS,
} from './digest';

const digestsSent = counter({
  name: 'ct_digests_total',
  help: 'Weekly digests mailed, and those that failed (sent again at a later pass)',
  labelNames: ['outcome'] as const,
});

/** How many digests one pass claims. */
export const DIGEST_BATCH = 50;

/**
 * Mails the weekly digest to every email subscription that asked for one,
 * a week after the last (the first at the pass after subscribing). A digest
 * is claimed and the claim committed before it is sent, so replicas never
 * send one twice; a failed send gives the claim back and the next pass tries
 * again. A replica that dies between claim and send skips that week's digest
 * (at most once, as a digest is a summary, not an alert).
 */
@Injectable()
export class DigestSender {
  private readonly logger = new Logger(DigestSender.name);

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deadlines: WatchedDeadlinesRepository,
    private readonly channels: Channels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
  ) {}

  /** Sends the digests that are due; returns how many went out. */
  async sendDue(): Promise<number> {
    if (!this.options.smtpUrl) return 0;
    const now = this.clock.now();
    let sent = 0;
    for (;;) {
      let failed = false;
      const claimed = await this.subscriptions.claimDigests(
        now,
        new Date(now.getTime() - DIGEST_EVERY_DAYS * DAY_MS),
        DIGEST_BATCH,
      );
      for (const c of claimed) {
        const week = digestWeek(now, c.previous);
        try {
          const items = await this.deadlines.forDigest(c, CLOSED, week.weekEnd, week.changedSince);
          const { subject, text } = digestEmail(
            composeDigest(items, week),
            now,
            this.options.dashboardUrl,
            items.length >= DIGEST_MAX_ITEMS,
          );
          await this.channels.sendMail(c.target, subject, text, `digest.${c.id}.${now.getTime()}`, {
            'X-Digest': c.id,
          });
          digestsSent.inc({ outcome: 'sent' });
          sent++;
        } catch (err) {
          failed = true;
          digestsSent.inc({ outcome: 'failed' });
          this.logger.warn({ err, subscription: c.id }, 'digest not sent; trying again next pass');
          await this.subscriptions.releaseDigest(c.id, now, c.previous);
        }
      }
      // After a failure, the next pass: the released claims would be taken again at once.
      if (claimed.length < DIGEST_BATCH || failed) return sent;
    }
  }
}
