import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { isShuttingDown } from './graceful-shutdown';
import { Public } from './public.decorator';

export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');
/** What readiness adds to the dependencies (consumers in their groups). */
export const READINESS_INDICATORS = Symbol('READINESS_INDICATORS');

/**
 * GET /health: 200 when every dependency answers, 503 with details otherwise.
 * GET /health/live: the process answers (a liveness probe: restart it if not).
 * GET /health/ready: the dependencies answer and every consumer has joined
 * its group (a readiness probe: send it traffic).
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicatorFunction[],
    @Inject(READINESS_INDICATORS) private readonly readiness: HealthIndicatorFunction[],
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check(this.indicators);
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      // First, so a stopping replica leaves the load balancer without waiting for the others.
      () => {
        const process = this.indicator.check('process');
        return isShuttingDown() ? process.down({ reason: 'shutting down' }) : process.up();
      },
      ...this.indicators,
      ...this.readiness,
    ]);
  }
}
