import type { Provider } from '@nestjs/common';
import { PlaceholderExtractor, type Extractor } from '@ct/extraction';

export const EXTRACTOR = Symbol('EXTRACTOR');

/** The extraction backend; swapped here when the real engine lands. */
export const extractorProvider: Provider<Extractor> = {
  provide: EXTRACTOR,
  useFactory: () => new PlaceholderExtractor(),
};
