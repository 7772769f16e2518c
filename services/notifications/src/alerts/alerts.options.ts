import type { EgressPolicy } from '@ct/egress';

export const ALERTS_OPTIONS = Symbol('ALERTS_OPTIONS');

export interface AlertsOptions {
  offsetsDays: number[];
  intervalMs: number;
  smtpUrl: string | null;
  mailFrom: string;
  dashboardUrl: string;
  maxAttempts: number;
  backoffMs: number;
  webhookTimeoutMs: number;
  /** How long a delivery being sent stays claimed (DELIVERY_CLAIM_MS). */
  claimMs: number;
  /** Where webhooks may go: public addresses, plus EGRESS_ALLOW. */
  egress: EgressPolicy;
}
