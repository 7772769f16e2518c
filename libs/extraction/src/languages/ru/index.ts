import type { LanguagePack } from '../language-pack';

export const russian: LanguagePack = {
  code: 'ru',
  candidates: () => [],
  dates: () => [],
  meetingMentions: () => [],
};
