import { z } from 'zod';
import { baseEnv, loadEnv, verifyingKeyField } from '@ct/platform';

export const notificationsEnv = baseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3003),
  /** Days before a due date that an alert goes out (besides on the day and when overdue). */
  ALERT_OFFSETS_DAYS: z
    .string()
    .default('30,7,1')
    .transform((s) => s.split(',').map((d) => Number(d.trim())))
    .pipe(z.array(z.number().int().min(1).max(365)).min(0)),
  /** How often due alerts are raised and pending deliveries sent. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
  /** SMTP server for email alerts, e.g. smtp://user:pass@mail.example.org:587; none: email is not sent. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Commitment tracker <alerts@localhost>'),
  /** Links in alerts point here: <DASHBOARD_URL>/items/<id>. */
  DASHBOARD_URL: z.url().default('http://127.0.0.1:3000'),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** First retry after this; each further one waits twice as long. */
  DELIVERY_BACKOFF_MS: z.coerce.number().int().min(1).default(30_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * How long a delivery being sent stays claimed by one replica; one whose
   * sender died is sent again after this. Longer than the slowest send.
   */
  DELIVERY_CLAIM_MS: z.coerce.number().int().min(1000).default(300_000),
  /**
   * Addresses, CIDR ranges or host names webhooks may reach although they are
   * not public (loopback, private, link-local …), comma separated; none by default.
   */
  EGRESS_ALLOW: z.string().optional(),
  /** Verifies users' tokens (from the commitments service) for the subscriptions API. */
  JWT_PUBLIC_KEY: verifyingKeyField.optional(),
});
export type NotificationsEnv = z.infer<typeof notificationsEnv>;

export const SERVICE = 'notifications';
export const SCHEMA = 'notifications';
export const CONSUMER_GROUP = 'notifications-deadlines';

export const loadNotificationsEnv = () => loadEnv(notificationsEnv);
