import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import {
  HEALTH_INDICATORS,
  HealthController,
  MetricsController,
  OPS_TOKEN,
  READINESS_INDICATORS,
} from '@ct/platform';
import { ConsumerGroups } from './consumer-groups';
import { KafkaHealthIndicator } from './kafka.health';

/** GET /health, /health/live and /health/ready for a service (Kafka always, PostgreSQL when it owns data) and GET /metrics. */
@Module({})
export class ServiceHealthModule {
  static forRoot(opts: { database: boolean; opsToken?: string | null }): DynamicModule {
    return {
      module: ServiceHealthModule,
      imports: [TerminusModule],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: OPS_TOKEN, useValue: opts.opsToken ?? null },
        {
          provide: HEALTH_INDICATORS,
          inject: [KafkaHealthIndicator, TypeOrmHealthIndicator],
          useFactory: (kafka: KafkaHealthIndicator, db: TypeOrmHealthIndicator) => [
            () => kafka.isHealthy('kafka'),
            ...(opts.database ? [() => db.pingCheck('database', { timeout: 3000 })] : []),
          ],
        },
        {
          provide: READINESS_INDICATORS,
          inject: [ConsumerGroups],
          useFactory: (groups: ConsumerGroups) => [() => groups.isHealthy('consumers')],
        },
      ],
    };
  }
}
