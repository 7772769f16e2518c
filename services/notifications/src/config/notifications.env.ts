import { z } from 'zod';
import { baseEnv, loadEnv } from '@ct/platform';

export const notificationsEnv = baseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3003),
  DB_MIGRATIONS_RUN: z.stringbool().default(true),
});
export type NotificationsEnv = z.infer<typeof notificationsEnv>;

export const SERVICE = 'notifications';
export const SCHEMA = 'notifications';
export const CONSUMER_GROUP = 'notifications-deadlines';

export const loadNotificationsEnv = () => loadEnv(notificationsEnv);
