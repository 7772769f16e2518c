import { createHash } from 'node:crypto';
import { DEFAULT_READ_LIMITS } from '@ct/formats';
import type { DocumentInput, DocumentsService } from './documents.service';
import { FileIngestService } from './file-ingest.service';

describe(FileIngestService.name, () => {
  let received: DocumentInput[];
  let sut: FileIngestService;
  const html = (meta: string) =>
    Buffer.from(
      `<html><head><title>Summit communiqué</title>${meta}</head><body><p>The parties agreed to set up a joint fund by 2027.</p></body></html>`,
    );

  beforeEach(() => {
    received = [];
    sut = new FileIngestService(
      {
        receive: async (input: DocumentInput) => {
          received.push(input);
          return { id: 'd-1', duplicate: false, contentHash: 'h' };
        },
      } as unknown as DocumentsService,
      DEFAULT_READ_LIMITS,
    );
  });

  it('reads a file by its format, keeps its title and date, and stores the text with the file’s hash', async () => {
    const bytes = html('<meta name="date" content="2024-07-06">');
    await sut.ingest(bytes, { fileName: 'communique.html', origin: 'folder' });
    expect(received).toEqual([
      expect.objectContaining({
        title: 'Summit communiqué',
        published: '2024-07-06',
        mediaType: 'text/html',
        origin: 'folder',
        fileName: 'communique.html',
        fileHash: createHash('sha256').update(bytes).digest('hex'),
        text: expect.stringContaining('agreed to set up a joint fund'),
      }),
    ]);
  });

  it('lets what the sender says win over the file, and ignores a file date to come', async () => {
    await sut.ingest(html('<meta name="date" content="2999-01-01">'), {
      fileName: 'a.html',
      title: 'Given title',
    });
    expect(received[0]).toMatchObject({ title: 'Given title', published: null });
    await sut.ingest(html('<meta name="date" content="2024-07-06">'), {
      fileName: 'a.html',
      published: '2024-07',
    });
    expect(received[1]).toMatchObject({ published: '2024-07' });
  });
});
