import { ALERT_FAILED, ALERT_RAISED, COMMITMENT_CHANGED } from '@ct/contracts';
import { batchConsumer } from './batch-consumer.provider';
import type { DeadLetterPublisher } from './dead-letter.publisher';

class Handler {
  seen = 0;
}

describe(batchConsumer.name, () => {
  it('makes a provider class named as declared', () => {
    const sut = batchConsumer({
      name: 'AlertsReader',
      types: [ALERT_RAISED, ALERT_FAILED],
      handler: Handler,
      apply: async (h, events) => void (h.seen += events.length),
    });
    expect(sut.name).toBe('AlertsReader');
  });

  it('needs a consumer group, from the service or its own', () => {
    const sut = batchConsumer({
      name: 'ChangesReader',
      types: COMMITMENT_CHANGED,
      handler: Handler,
      apply: async () => undefined,
    });
    const deadLetters = {} as DeadLetterPublisher;
    expect(() => new sut({ service: 'svc', brokers: [] }, new Handler(), deadLetters, {})).toThrow(
      'ChangesReader needs MessagingOptions.groupId',
    );
  });

  it('does not compile with event types of two topics', () => {
    const declare = () =>
      batchConsumer({
        name: 'Mixed',
        // @ts-expect-error: commitment.changed and alert.raised travel on different topics
        types: [COMMITMENT_CHANGED, ALERT_RAISED],
        handler: Handler,
        apply: async () => undefined,
      });
    expect(typeof declare).toBe('function');
  });
});
