import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { isoDate, MEDIA, UnreadableDocumentError, type DocumentText } from './document-text';

/**
 * A PDF's text layer through unpdf (Mozilla's PDF.js packaged for servers,
 * no native dependencies). A scanned PDF without a text layer has no text to
 * read and is refused as such; OCR is out of scope.
 */
export async function readPdf(bytes: Buffer): Promise<DocumentText> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (err) {
    throw new UnreadableDocumentError(`the PDF cannot be read: ${(err as Error).message}`);
  }
  try {
    const [{ text }, meta] = await Promise.all([
      extractText(pdf, { mergePages: true }),
      getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> })),
    ]);
    if (!text.trim()) throw new UnreadableDocumentError('the PDF has no text layer (a scan?)');
    const info = meta.info as { Title?: string; CreationDate?: string };
    return {
      text,
      title: info.Title?.trim() || null,
      published: isoDate(info.CreationDate?.replace(/^D:/u, '')),
      mediaType: MEDIA.pdf,
    };
  } finally {
    await pdf.cleanup();
  }
}
