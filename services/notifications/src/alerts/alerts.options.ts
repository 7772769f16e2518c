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
  /** Where webhooks may go: public addresses, plus EGRESS_ALLOW. */
  egress: EgressPolicy;
}
