import type { LanguagePack } from '../language-pack';

export const turkish: LanguagePack = {
  code: 'tr',
  candidates: () => [],
  dates: () => [],
  meetingMentions: () => [],
};
