export * from './types';
export { RuleBasedExtractor } from './engine/rule-based.extractor';
export { detectLanguage } from './engine/language-detect';
export { referenceDate } from './engine/dates';
export { datelineDate } from './engine/dateline';
