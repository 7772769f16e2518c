import type { LanguagePack } from '../language-pack';

export const german: LanguagePack = {
  code: 'de',
  candidates: () => [],
  dates: () => [],
  meetingMentions: () => [],
};
