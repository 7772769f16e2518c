import { COMMITMENT_EXTRACTED } from '@ct/contracts';
import { batchConsumer } from '@ct/messaging';
import { RegisterService } from './register.service';

/**
 * Reads commitments.extracted in batches (many events per transaction)
 * rather than through the Nest transport's one-message-at-a-time loop: this
 * topic carries every commitment of every document.
 */
export const ExtractedConsumer = batchConsumer({
  name: 'ExtractedConsumer',
  types: COMMITMENT_EXTRACTED,
  handler: RegisterService,
  apply: (register, events) => register.applyMany(events),
});
