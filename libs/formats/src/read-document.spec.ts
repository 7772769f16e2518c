import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { docxBomb, docxOfManyParts, REPO_ROOT } from '@ct/testing';
import {
  DEFAULT_READ_LIMITS,
  DocumentTooLargeError,
  readDocument,
  UnreadableDocumentError,
  UnsupportedFormatError,
} from './index';

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

function pdfOfPages(pages: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (let i = 0; i < pages; i++) {
      if (i > 0) doc.addPage();
      doc.text(`Page ${i + 1}: the ministers agreed to meet again.`);
    }
    doc.end();
  });
}

describe('readDocument within limits', () => {
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const limits = { ...DEFAULT_READ_LIMITS, docxMaxInflatedBytes: 2_000_000, docxMaxEntries: 50 };

  it('reads a small hand-made DOCX, so the bombs below differ only in size', async () => {
    await expect(readDocument(docxBomb(10_000), DOCX, 'x.docx', limits)).rejects.toThrow(
      /has no text/,
    );
  });

  it('refuses a DOCX that declares more than the inflation limit, naming it, before inflating', async () => {
    const bomb = docxBomb(50_000_000);
    expect(bomb.length).toBeLessThan(100_000);
    const err = await readDocument(bomb, DOCX, 'bomb.docx', limits).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentTooLargeError);
    expect((err as Error).message).toMatch(/inflates to more than the limit of 2000000 bytes/);
  });

  it('stops inflating a DOCX that lies about its size at the declared size', async () => {
    const err = await readDocument(
      docxBomb(50_000_000, { lie: true }),
      DOCX,
      'liar.docx',
      limits,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    expect((err as Error).message).toMatch(/too many bytes|size/i);
  });

  it('refuses a DOCX of more parts than the limit', async () => {
    await expect(readDocument(docxOfManyParts(60), DOCX, 'parts.docx', limits)).rejects.toThrow(
      /61 parts, more than the limit of 50/,
    );
  });

  it('refuses a PDF over the page limit, and one that takes longer than the time limit', async () => {
    const pdf = await pdfOfPages(6);
    await expect(
      readDocument(pdf, 'application/pdf', 'long.pdf', { ...DEFAULT_READ_LIMITS, pdfMaxPages: 5 }),
    ).rejects.toThrow(/has 6 pages, more than the limit of 5/);
    await expect(
      readDocument(pdf, 'application/pdf', 'slow.pdf', { ...DEFAULT_READ_LIMITS, pdfTimeoutMs: 1 }),
    ).rejects.toThrow(/longer than the limit of 1 ms/);
    const read = await readDocument(pdf, 'application/pdf', 'ok.pdf');
    expect(read.text).toContain('Page 6');
  });

  it('keeps the event loop free while a PDF is read', async () => {
    const pdf = await pdfOfPages(200);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const t0 = Date.now();
    await readDocument(pdf, 'application/pdf', 'big.pdf');
    clearInterval(timer);
    const elapsed = Date.now() - t0;
    // Timers kept firing while the worker read: at least half as many as the time allowed.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 5 / 2));
  });
});
