import mammoth from 'mammoth';
import { checkDocxBounds } from './docx-bounds';
import { MEDIA, UnreadableDocumentError, type DocumentText } from './document-text';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits';

/**
 * A Word document's text through mammoth (pure JavaScript, reads the OOXML
 * itself), once the ZIP is known to inflate within the limits.
 */
export async function readDocx(
  bytes: Buffer,
  limits: Pick<ReadLimits, 'docxMaxInflatedBytes' | 'docxMaxEntries'> = DEFAULT_READ_LIMITS,
): Promise<DocumentText> {
  await checkDocxBounds(bytes, limits);
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (err) {
    throw new UnreadableDocumentError(`the DOCX cannot be read: ${(err as Error).message}`);
  }
  if (!text.trim()) throw new UnreadableDocumentError('the DOCX has no text');
  return { text: text.trim(), title: null, published: null, mediaType: MEDIA.docx };
}
