import { Inject, Injectable } from '@nestjs/common';
import { PRINCIPAL_CHANGED, Topics } from '@ct/contracts';
import {
  BatchConsumerProvider,
  DeadLetterPublisher,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from '@ct/messaging';
import { PrincipalsRepository } from './principals.repository';

/** Keeps the principals table current from principal.changed (a consumer group of its own per service). */
@Injectable()
export class PrincipalsConsumer extends BatchConsumerProvider<typeof PRINCIPAL_CHANGED> {
  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    principals: PrincipalsRepository,
    deadLetters: DeadLetterPublisher,
  ) {
    super(options, deadLetters, {
      topic: Topics.principals,
      type: PRINCIPAL_CHANGED,
      groupId: `${options.service}-access`,
      applyMany: (events) => principals.apply(events.map((e) => e.data)),
      applyOne: (event) => principals.apply([event.data]),
    });
  }
}
