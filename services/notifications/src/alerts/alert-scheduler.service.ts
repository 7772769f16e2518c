import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { OutboxRelay } from '@ct/messaging';
import { Serial } from '@ct/platform';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import { DigestSender } from '../digests/digest-sender';
import { AlertRaiser, RAISE_BATCH } from './alert-raiser';
import { ALERTS_OPTIONS, type AlertsOptions } from './alerts.options';

/**
 * The timer of alerting: every interval, one pass raises what has fallen due
 * (AlertRaiser), sends what is pending (DeliveryDispatcher), then the weekly
 * digests that are due (DigestSender). Passes
 * never overlap within a process; across replicas the claims keep them apart.
 */
@Injectable()
export class AlertScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private readonly serial = new Serial();

  constructor(
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
    private readonly raiser: AlertRaiser,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly relay: OutboxRelay,
    private readonly digests: DigestSender,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.smtpUrl)
      this.logger.warn('SMTP_URL is not set: alerts go to webhooks and events only');
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.serial.idle();
  }

  /** A timer's pass, unless one is already waiting to run. */
  private tick(): void {
    this.serial
      .request(() => this.pass())
      ?.catch((err: unknown) =>
        this.logger.warn({ err }, 'alert pass failed; trying again next pass'),
      );
  }

  /** One pass, after any pass already running: raise what is due, then send what is pending. */
  runOnce(): Promise<{ raised: number; delivered: number; failed: number; digests: number }> {
    return this.serial.run(() => this.pass());
  }

  private async pass(): Promise<{
    raised: number;
    delivered: number;
    failed: number;
    digests: number;
  }> {
    let raised = 0;
    for (let n = RAISE_BATCH; n === RAISE_BATCH; raised += n) n = await this.raiser.raiseDue();
    const sent = await this.dispatcher.deliverPending();
    if (raised + sent.delivered + sent.failed > 0) {
      this.logger.log({ raised, ...sent }, 'alert pass');
      this.relay.nudge();
    }
    const digests = await this.digests.sendDue();
    if (digests > 0) this.logger.log({ digests }, 'weekly digests sent');
    return { raised, ...sent, digests };
  }
}
