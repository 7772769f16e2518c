import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { itemPageUrl, type AlertRaisedData } from '@ct/contracts';
import { egressRequest } from '@ct/egress';
import { CLOCK, type Clock } from '../clock/clock';
import { ALERTS_OPTIONS, type AlertsOptions } from '../alerts/alerts.options';
import { alertEmail } from './alert-message';
import { sign } from './webhook-signature';

/** A receiver's answer is not read beyond this; its status is what counts. */
const WEBHOOK_ANSWER_BYTES = 64 * 1024;

export interface Recipient {
  channel: 'email' | 'webhook';
  target: string;
  secret: string | null;
}

/**
 * Sends one alert to one recipient, or throws with the reason. Email goes
 * through SMTP with nodemailer; its Message-ID is derived from the alert and
 * recipient, so a mail client can recognise a resend after a crash. Webhooks
 * are signed the Standard Webhooks way; `webhook-id` is the same on every
 * retry, for the receiver to deduplicate.
 */
@Injectable()
export class Channels implements OnApplicationShutdown {
  private readonly mail: Transporter | null;

  constructor(
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Pooled: one SMTP connection carries many messages.
    this.mail = options.smtpUrl
      ? createTransport(
          `${options.smtpUrl}${options.smtpUrl.includes('?') ? '&' : '?'}pool=true&maxConnections=4`,
        )
      : null;
  }

  onApplicationShutdown(): void {
    this.mail?.close();
  }

  async send(alert: AlertRaisedData, to: Recipient): Promise<void> {
    if (to.channel === 'email') return this.email(alert, to.target);
    return this.webhook(alert, to);
  }

  private async email(alert: AlertRaisedData, address: string): Promise<void> {
    if (!this.mail) throw new Error('no SMTP server configured (SMTP_URL)');
    const { subject, text } = alertEmail(alert, this.options.dashboardUrl);
    await this.sendMail(address, subject, text, alert.alertKey, { 'X-Alert-Key': alert.alertKey });
  }

  /**
   * A plain-text mail from MAIL_FROM; its Message-ID is made from `id` and the
   * address, so the same message sent again is recognisably the same.
   */
  async sendMail(
    address: string,
    subject: string,
    text: string,
    id: string,
    headers: Record<string, string> = {},
  ): Promise<void> {
    if (!this.mail) throw new Error('no SMTP server configured (SMTP_URL)');
    const domain = /@(.+)$/u.exec(this.options.mailFrom.replace(/>$/u, ''))?.[1] ?? 'localhost';
    await this.mail.sendMail({
      from: this.options.mailFrom,
      to: address,
      subject,
      text,
      messageId: `<${encodeURIComponent(id)}.${encodeURIComponent(address)}@${domain}>`,
      headers,
    });
  }

  private async webhook(alert: AlertRaisedData, to: Recipient): Promise<void> {
    const body = JSON.stringify({
      type: 'alert.raised',
      data: alert,
      links: { item: itemPageUrl(this.options.dashboardUrl, alert.itemId) },
    });
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    // Through the egress check: never inside the network, never redirected, capped.
    const res = await egressRequest(to.target, {
      method: 'POST',
      timeoutMs: this.options.webhookTimeoutMs,
      maxBytes: WEBHOOK_ANSWER_BYTES,
      policy: this.options.egress,
      headers: {
        'content-type': 'application/json',
        'webhook-id': alert.alertKey,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': sign(to.secret ?? '', alert.alertKey, timestamp, body),
      },
      body,
    });
    if (res.status >= 300 && res.status < 400) {
      throw new Error(`webhook answered ${res.status}; redirects are not followed`);
    }
    if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered ${res.status}`);
  }
}
