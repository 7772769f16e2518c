import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Kafka, type Admin } from 'kafkajs';
import { kafkaClientConfig } from './kafka-config';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/** Health: the broker answers a metadata request within the timeout. */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private admin: Admin | undefined;

  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async isHealthy(key = 'kafka', timeoutMs = 3000) {
    const check = this.health.check(key);
    try {
      this.admin ??= new Kafka({
        ...kafkaClientConfig(
          `${this.options.service}-health`,
          this.options.brokers,
          this.options.security,
        ),
        retry: { retries: 0 },
      }).admin();
      const admin = this.admin;
      const cluster = await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        timeoutMs,
      );
      return check.up({ brokers: cluster.brokers.length });
    } catch (err) {
      const admin = this.admin;
      this.admin = undefined;
      await admin?.disconnect().catch(() => undefined);
      return check.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}
