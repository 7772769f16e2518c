import type { Request } from 'express';

/** Where users reach the dashboard: the configured address, else the one this request used. */
export function publicBase(req: Request, configured: string | null): string {
  if (configured) return configured.replace(/\/+$/u, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
