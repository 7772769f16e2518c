import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@ct/testing';
import { readDocument, UnreadableDocumentError, UnsupportedFormatError } from './index';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/documents', name));

describe('readDocument', () => {
  it('reads a PDF text layer with its title and creation date', async () => {
    const doc = await readDocument(fixture('statement.pdf'), 'application/pdf', 'statement.pdf');
    expect(doc).toMatchObject({
      title: 'Joint Statement of the Ministers of Transport',
      published: '2024-09-12',
      mediaType: 'application/pdf',
    });
    expect(doc.text.replace(/\s+/gu, ' ')).toContain(
      'instructed the Secretariat to prepare a feasibility study on the Middle Corridor',
    );
  });

  it('reads a DOCX by its content even when sent as application/octet-stream', async () => {
    const doc = await readDocument(
      fixture('communique.docx'),
      'application/octet-stream',
      'communique.docx',
    );
    expect(doc.mediaType).toMatch(/wordprocessingml/);
    expect(doc.text).toContain('establish a joint working group on renewable energy');
  });

  it('keeps the article of an HTML page and drops its navigation, sidebar and footer', async () => {
    const doc = await readDocument(fixture('news-article.html'), 'text/html; charset=utf-8');
    expect(doc.title).toMatch(/customs union roadmap/);
    expect(doc.published).toBe('2024-11-07');
    expect(doc.text).toContain('instructed the Ministers of Economy to draft a roadmap');
    expect(doc.text).not.toMatch(/Subscribe now|Football results|All rights reserved/);
    // Paragraphs stay apart, so sentences are not glued together.
    expect(doc.text).not.toMatch(/2025\.The leaders/);
  });

  it('reads an HTML fragment, such as the content of a feed entry', async () => {
    const doc = await readDocument(
      Buffer.from('<p>The Ministers agreed.</p><p>They will meet in 2026.</p>'),
      'text/html',
    );
    expect(doc.text).toBe('The Ministers agreed.\nThey will meet in 2026.');
  });

  it('decodes text in the charset the sender names', async () => {
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in windows-1251
    const doc = await readDocument(cp1251, 'text/plain; charset=windows-1251');
    expect(doc.text).toBe('Привет');
  });

  it.each([
    [
      'invalid UTF-8',
      Buffer.from([0x41, 0xff, 0xfe, 0x42]),
      'text/plain',
      UnreadableDocumentError,
      /not valid UTF-8/,
    ],
    [
      'binary data',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]),
      null,
      UnsupportedFormatError,
      /binary/,
    ],
    [
      'an image',
      Buffer.from('GIF89a....'),
      'image/gif',
      UnsupportedFormatError,
      /image\/gif is not supported/,
    ],
    [
      'a ZIP that is no DOCX',
      Buffer.from('PK\u0003\u0004rest'),
      'application/zip',
      UnsupportedFormatError,
      /only read as a DOCX/,
    ],
    [
      'a corrupt PDF',
      Buffer.from('%PDF-1.4 truncated'),
      'application/pdf',
      UnreadableDocumentError,
      /PDF cannot be read/,
    ],
    [
      'a corrupt DOCX',
      Buffer.from('PK\u0003\u0004garbage'),
      MEDIA_DOCX(),
      UnreadableDocumentError,
      /DOCX cannot be read/,
    ],
    [
      'a PDF that is not one',
      Buffer.from('hello'),
      'application/pdf',
      UnsupportedFormatError,
      /declared as PDF/,
    ],
    [
      'an unknown charset',
      Buffer.from('hello'),
      'text/plain; charset=klingon',
      UnreadableDocumentError,
      /unknown charset/,
    ],
  ])('refuses %s with a reason', async (_, bytes, type, error, message) => {
    const read = readDocument(bytes, type);
    await expect(read).rejects.toThrow(error);
    await expect(read).rejects.toThrow(message);
  });
});

function MEDIA_DOCX() {
  return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
}
