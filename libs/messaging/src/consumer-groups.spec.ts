import { HealthIndicatorService } from '@nestjs/terminus';
import { ConsumerGroups } from './consumer-groups';

describe(ConsumerGroups.name, () => {
  it('is up once every registered consumer is in its group, and names those that are not', () => {
    const sut = new ConsumerGroups(new HealthIndicatorService());
    let changesJoined = false;
    sut.register('ChangesConsumer', () => changesJoined);
    sut.register('AlertsConsumer', () => true);
    expect(sut.isHealthy()).toEqual({
      consumers: { status: 'down', waiting: ['ChangesConsumer'] },
    });
    changesJoined = true;
    expect(sut.isHealthy()).toEqual({ consumers: { status: 'up', joined: 2 } });
  });

  it('is up with no consumers at all (a service that only produces)', () => {
    expect(new ConsumerGroups(new HealthIndicatorService()).waiting()).toEqual([]);
  });
});
