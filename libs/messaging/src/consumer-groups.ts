import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/**
 * The consumers of this process and whether each has joined its group: a
 * service is ready (GET /health/ready) only once every one of them has, so an
 * orchestrator sends it no traffic while it cannot yet apply events.
 */
@Injectable()
export class ConsumerGroups {
  private readonly consumers = new Map<string, () => boolean>();

  constructor(private readonly health: HealthIndicatorService) {}

  register(name: string, joined: () => boolean): void {
    this.consumers.set(name, joined);
  }

  /** The consumers not in their group now. */
  waiting(): string[] {
    return [...this.consumers].filter(([, joined]) => !joined()).map(([name]) => name);
  }

  isHealthy(key = 'consumers') {
    const check = this.health.check(key);
    const waiting = this.waiting();
    return waiting.length === 0
      ? check.up({ joined: this.consumers.size })
      : check.down({ waiting });
  }
}
