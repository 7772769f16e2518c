import { decodeText } from './decode-text';
import { detectFormat } from './detect-format';
import { MEDIA, type DocumentText } from './document-text';
import { readDocx } from './read-docx';
import { readHtml } from './read-html';
import { readPdf } from './read-pdf';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits';

/**
 * Any accepted file to its text. Throws UnsupportedFormatError (415) or
 * UnreadableDocumentError (422) or DocumentTooLargeError (413) with a
 * message naming the problem (and the limit, when one was passed).
 */
export async function readDocument(
  bytes: Buffer,
  declared?: string | null,
  name?: string | null,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<DocumentText> {
  switch (detectFormat(bytes, declared, name)) {
    case 'pdf':
      return readPdf(bytes, limits);
    case 'docx':
      return readDocx(bytes, limits);
    case 'html':
      return readHtml(decodeText(bytes, declared));
    case 'text':
      return {
        text: decodeText(bytes, declared),
        title: null,
        published: null,
        mediaType: MEDIA.text,
      };
  }
}
