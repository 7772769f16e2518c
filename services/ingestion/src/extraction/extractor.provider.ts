import type { Provider } from '@nestjs/common';
import { RuleBasedExtractor, type Extractor } from '@ct/extraction';

export const EXTRACTOR = Symbol('EXTRACTOR');

/**
 * The extraction backend: the offline rule-based engine, with at most
 * `budgetMs` per document. Another backend (e.g. an HTTP model) plugs in here.
 */
export const extractorProvider = (budgetMs: number): Provider<Extractor> => ({
  provide: EXTRACTOR,
  useFactory: () => new RuleBasedExtractor(budgetMs),
});
