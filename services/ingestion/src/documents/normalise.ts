import { createHash } from 'node:crypto';

/**
 * The text identity of a document: Unicode NFC, unified line breaks and
 * collapsed whitespace. Two copies that differ only in those hash the same.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseText(text), 'utf8').digest('hex');
}
