import { decodeText } from './decode-text';
import { detectFormat } from './detect-format';
import { MEDIA, type DocumentText } from './document-text';
import { readDocx } from './read-docx';
import { readHtml } from './read-html';
import { readPdf } from './read-pdf';

/**
 * Any accepted file to its text. Throws UnsupportedFormatError (415) or
 * UnreadableDocumentError (422) with a message naming the problem.
 */
export async function readDocument(
  bytes: Buffer,
  declared?: string | null,
  name?: string | null,
): Promise<DocumentText> {
  switch (detectFormat(bytes, declared, name)) {
    case 'pdf':
      return readPdf(bytes);
    case 'docx':
      return readDocx(bytes);
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
