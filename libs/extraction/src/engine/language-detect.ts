import type { LanguageCode } from '../types';

const STOPWORDS: Record<Exclude<LanguageCode, 'ru'>, RegExp> = {
  en: /\b(?:the|and|of|to|in|is|that|for|with|on|will|they|this|by|are)\b/g,
  tr: /(?:^|\s)(?:ve|bir|bu|ile|için|olarak|da|de|olan|ise|gibi|daha|arasında|ilgili)(?=\s|$|[,.;])/g,
  de: /\b(?:der|die|das|und|zu|den|von|mit|sich|des|ist|im|für|auf|wurde|nicht|eine?)\b/g,
};

/**
 * Guess the document's language from its script and function words: Cyrillic
 * is Russian; otherwise the language whose common words (and, for Turkish,
 * letters ı ğ ş) occur most. Explainable, dependency-free, and enough for the
 * four languages the rules cover.
 */
export function detectLanguage(text: string): LanguageCode {
  const sample = text.slice(0, 5_000);
  const cyrillic = (sample.match(/[\u0400-\u04FF]/g) ?? []).length;
  const latin = (sample.match(/[A-Za-z\u00C0-\u024F]/g) ?? []).length;
  if (cyrillic > latin) return 'ru';
  const lower = sample.toLowerCase();
  const score = {
    en: (lower.match(STOPWORDS.en) ?? []).length,
    tr: (lower.match(STOPWORDS.tr) ?? []).length + 2 * (lower.match(/[ığş]/g) ?? []).length,
    de: (lower.match(STOPWORDS.de) ?? []).length + (lower.match(/[äöüß]/g) ?? []).length,
  };
  return (Object.entries(score).sort((a, b) => b[1] - a[1])[0][0] as LanguageCode) ?? 'en';
}
