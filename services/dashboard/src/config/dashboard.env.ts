import { z } from 'zod';
import { baseEnv, loadEnv, verifyingKeyField } from '@ct/platform';

export const dashboardEnv = baseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Verifies users' tokens (from the commitments service) for the event stream. */
  JWT_PUBLIC_KEY: verifyingKeyField.optional(),
  /** How often an open stream looks for new events. */
  STREAM_POLL_MS: z.coerce.number().int().min(50).default(500),
  /** How long events stay replayable with Last-Event-ID. */
  STREAM_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** Event streams one user may hold open at once (each browser tab holds one). */
  STREAM_MAX_PER_USER: z.coerce.number().int().min(1).default(10),
  /** How often an open stream checks that its token still holds. */
  STREAM_RECHECK_MS: z.coerce.number().int().min(100).default(15_000),
  /** The dashboard's address as users reach it (calendar feed links); else each request's own. */
  PUBLIC_URL: z.url().optional(),
  /** The services' HTTP APIs as the page in a browser reaches them. */
  COMMITMENTS_URL: z.url().default('http://127.0.0.1:3002'),
  INGESTION_URL: z.url().default('http://127.0.0.1:3001'),
  NOTIFICATIONS_URL: z.url().default('http://127.0.0.1:3003'),
  /** The built page (npm run build puts it in dist/web). */
  WEB_DIR: z.string().optional(),
});
export type DashboardEnv = z.infer<typeof dashboardEnv>;

export const SERVICE = 'dashboard';
export const SCHEMA = 'dashboard';
export const CONSUMER_GROUP = 'dashboard-stream';
/** alerts.v1 is read in a group of its own (see AlertsConsumer). */
/** The alert events' consumer group, dashboard-alerts. */
export const ALERTS_GROUP = 'alerts';

export const loadDashboardEnv = () => loadEnv(dashboardEnv);
