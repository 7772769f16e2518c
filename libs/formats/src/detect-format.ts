import { extname } from 'node:path';
import { MEDIA, UnsupportedFormatError, type Format } from './document-text';

const BY_EXTENSION: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};
const BY_MEDIA: Record<string, Format> = Object.fromEntries(
  Object.entries(MEDIA).map(([format, media]) => [media, format as Format]),
);

const startsWith = (bytes: Buffer, magic: string) =>
  bytes.subarray(0, magic.length).toString('latin1') === magic;

/**
 * Which reader a file needs: its bytes decide where they can (PDF and ZIP
 * signatures), then its declared media type, then its name. A declared type
 * the bytes contradict is refused rather than guessed around.
 */
export function detectFormat(
  bytes: Buffer,
  declared?: string | null,
  name?: string | null,
): Format {
  const media = declared?.split(';')[0].trim().toLowerCase() || null;
  const fromName = name ? BY_EXTENSION[extname(name).toLowerCase()] : undefined;
  const claimed =
    (media && media !== 'application/octet-stream' ? BY_MEDIA[media] : undefined) ?? fromName;
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    if (claimed === 'docx') return 'docx';
    throw new UnsupportedFormatError(
      `a ZIP archive${name ? ` (${name})` : ''} is only read as a DOCX document; accepted: ${accepted()}`,
    );
  }
  if (claimed === 'pdf' || claimed === 'docx') {
    throw new UnsupportedFormatError(
      `the file is declared as ${claimed.toUpperCase()} but its content is not one`,
    );
  }
  if (claimed) return claimed;
  if (media && !media.startsWith('text/') && media !== 'application/octet-stream') {
    throw new UnsupportedFormatError(
      `media type ${media} is not supported; accepted: ${accepted()}`,
    );
  }
  const head = bytes.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') ? 'html' : 'text';
}

export function accepted(): string {
  return 'plain text, HTML, PDF and DOCX (.txt, .html, .pdf, .docx)';
}
