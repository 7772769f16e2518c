import { PRINCIPAL_CHANGED } from '@ct/contracts';
import { batchConsumer } from '@ct/messaging';
import { PrincipalsRepository } from './principals.repository';

/** Keeps the principals table current from principal.changed (a consumer group of its own per service). */
export const PrincipalsConsumer = batchConsumer({
  name: 'PrincipalsConsumer',
  types: PRINCIPAL_CHANGED,
  handler: PrincipalsRepository,
  apply: (principals, events) => principals.apply(events.map((e) => e.data)),
  group: 'access',
});
