import { z } from 'zod';
import { baseEnv, loadEnv } from '@ct/platform';

export const dashboardEnv = baseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});
export type DashboardEnv = z.infer<typeof dashboardEnv>;

export const SERVICE = 'dashboard';

export const loadDashboardEnv = () => loadEnv(dashboardEnv);
