import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HEALTH_INDICATORS, HealthController, MetricsController } from '@ct/platform';
import { KafkaHealthIndicator } from './kafka.health';

/** GET /health for a service (Kafka always, PostgreSQL when the service owns data) and GET /metrics. */
@Module({})
export class ServiceHealthModule {
  static forRoot(opts: { database: boolean }): DynamicModule {
    return {
      module: ServiceHealthModule,
      imports: [TerminusModule],
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: HEALTH_INDICATORS,
          inject: [KafkaHealthIndicator, TypeOrmHealthIndicator],
          useFactory: (kafka: KafkaHealthIndicator, db: TypeOrmHealthIndicator) => [
            () => kafka.isHealthy('kafka'),
            ...(opts.database ? [() => db.pingCheck('database', { timeout: 3000 })] : []),
          ],
        },
      ],
    };
  }
}
