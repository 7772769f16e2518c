import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Base of a provider that runs one job every `intervalMs` for the
 * application's lifetime (housekeeping: retention passes). The timer does not
 * keep the process alive; a failing run is the job's to report, and the
 * next run comes as planned.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  protected constructor(private readonly intervalMs: number) {}

  /** One run; must not throw (report and return). */
  protected abstract runJob(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runJob(), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
