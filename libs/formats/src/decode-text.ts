import { TextDecoder } from 'node:util';
import { UnreadableDocumentError, UnsupportedFormatError } from './document-text';

/**
 * Bytes to a string: the charset the sender names, else UTF-8 (or UTF-16 when
 * a byte-order mark says so). Bytes that are not valid in that encoding are
 * refused, never replaced: a half-readable text would be extracted wrongly.
 */
export function decodeText(bytes: Buffer, declared?: string | null): string {
  if (bytes.subarray(0, 8192).includes(0) && !hasUtf16Bom(bytes)) {
    throw new UnsupportedFormatError('the file is binary (it contains NUL bytes), not text');
  }
  const charset = /charset\s*=\s*"?([\w.:-]+)/iu.exec(declared ?? '')?.[1]?.toLowerCase();
  const label =
    charset ?? (hasUtf16Bom(bytes) ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new UnreadableDocumentError(`unknown charset "${charset}"`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new UnreadableDocumentError(
      charset
        ? `the file is not valid ${charset}`
        : 'the file is not valid UTF-8; convert it to UTF-8 or name its charset (for example text/plain; charset=windows-1251)',
    );
  }
}

function hasUtf16Bom(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
