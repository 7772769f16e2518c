import {
  Controller,
  Get,
  Header,
  Inject,
  Optional,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  register,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';
import { bearer } from './credentials';
import { Public } from './public.decorator';

/**
 * Prometheus metrics through prom-client's default registry: process and
 * Node metrics, plus the counters each part of the system declares with the
 * helpers below. A metric is created once per process and shared, so
 * several application instances in one process (tests) do not collide.
 */
let defaults = false;
export function enableDefaultMetrics(service: string): void {
  if (defaults) return;
  defaults = true;
  register.setDefaultLabels({ service });
  collectDefaultMetrics({ prefix: 'ct_' });
}

export function counter<L extends string>(c: CounterConfiguration<L>): Counter<L> {
  return (register.getSingleMetric(c.name) as Counter<L> | undefined) ?? new Counter(c);
}

export function gauge<L extends string>(c: GaugeConfiguration<L>): Gauge<L> {
  return (register.getSingleMetric(c.name) as Gauge<L> | undefined) ?? new Gauge(c);
}

export function histogram<L extends string>(c: HistogramConfiguration<L>): Histogram<L> {
  return (register.getSingleMetric(c.name) as Histogram<L> | undefined) ?? new Histogram(c);
}

export const OPS_TOKEN = Symbol('OPS_TOKEN');

/** True when the request carries the operations token (Bearer, or `?token=` where allowed). */
export function hasOpsToken(
  req: { headers: Record<string, string | string[] | undefined>; url?: string },
  token: string,
  o: { query?: boolean } = {},
): boolean {
  const fromHeader = bearer(req.headers.authorization);
  const fromQuery = o.query ? new URL(req.url ?? '/', 'http://x').searchParams.get('token') : null;
  const given = fromHeader ?? fromQuery;
  if (!given) return false;
  // Compared as digests: equal length, constant time.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** GET /metrics in the Prometheus text format; behind OPS_TOKEN when it is set. */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(@Optional() @Inject(OPS_TOKEN) private readonly token?: string | null) {}

  @Get()
  @Header('content-type', register.contentType)
  metrics(@Req() req: { headers: Record<string, string | string[] | undefined> }): Promise<string> {
    if (this.token && !hasOpsToken(req, this.token)) {
      throw new UnauthorizedException('metrics need "Authorization: Bearer <OPS_TOKEN>"');
    }
    return register.metrics();
  }
}
