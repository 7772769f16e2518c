import mammoth from 'mammoth';
import { MEDIA, UnreadableDocumentError, type DocumentText } from './document-text';

/** A Word document's text through mammoth (pure JavaScript, reads the OOXML itself). */
export async function readDocx(bytes: Buffer): Promise<DocumentText> {
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (err) {
    throw new UnreadableDocumentError(`the DOCX cannot be read: ${(err as Error).message}`);
  }
  if (!text.trim()) throw new UnreadableDocumentError('the DOCX has no text');
  return { text: text.trim(), title: null, published: null, mediaType: MEDIA.docx };
}
