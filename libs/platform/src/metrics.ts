import { Controller, Get, Header } from '@nestjs/common';
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

/** GET /metrics in the Prometheus text format. */
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
