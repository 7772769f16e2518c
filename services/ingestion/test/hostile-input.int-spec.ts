import fc from 'fast-check';
import { docxBomb, queryRows } from '@ct/testing';
import { signedIn, startIngestion, upload, type IngestionHarness } from './harness';

/**
 * Property-based: whatever arrives, ingestion answers with a status that
 * names the problem (never a 5xx), stays up, and stores only what it
 * accepted.
 */
describe('ingestion under hostile input', () => {
  let h: IngestionHarness;
  const ok = new Set([200, 201]);
  const refusals = new Set([400, 413, 415, 422]);

  beforeAll(async () => {
    h = await startIngestion('ingest_hostile');
  });
  afterAll(() => h?.close());

  const documents = async () =>
    Number(
      (await queryRows<{ n: string }>(h.db.url, 'SELECT count(*) AS n FROM ingestion.documents'))[0]
        .n,
    );

  it('answers any JSON body to POST /documents with 2xx or a 4xx that says why', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc.record({ text: fc.string({ unit: 'binary', maxLength: 3000 }) }),
          fc.record(
            {
              text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 500 }),
              published: fc.string(),
              language: fc.string({ maxLength: 4 }),
              sourceUrl: fc.webUrl(),
              title: fc.string({ maxLength: 1100 }),
            },
            { requiredKeys: ['text'] },
          ),
        ),
        async (body) => {
          const res = await fetch(`${h.url}/documents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...signedIn() },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          });
          const answer = (await res.json()) as { message?: unknown };
          if (!ok.has(res.status)) {
            expect(refusals).toContain(res.status);
            expect(JSON.stringify(answer.message ?? '')).not.toBe('""');
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers any uploaded bytes, under any declared type, with 2xx or a 4xx, storing nothing it refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 4096 }),
          fc.string({ unit: 'grapheme', maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
          // Right-to-left, mixed scripts, and runs that make naive regular expressions backtrack.
          fc
            .constantFrom(
              'מזכירות תכין דוח עד 2026. The Secretariat شارك'.repeat(50),
              `${'a'.repeat(5000)}!`,
              `${'instructed the '.repeat(800)}`,
              `${'1 '.repeat(4000)}2025`,
              '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj<<>>',
              'PK\u0003\u0004\u0014\u0000',
            )
            .map((s) => new TextEncoder().encode(s)),
        ),
        fc.constantFrom(
          'text/plain',
          'text/html',
          'application/pdf',
          'application/octet-stream',
          'image/png',
          'text/plain; charset=utf-16le',
        ),
        fc.constantFrom('doc.txt', 'page.html', 'file.pdf', 'file.docx', 'noext'),
        async (bytes, type, name) => {
          const before = await documents();
          const res = await upload(h.url, Buffer.from(bytes), { type, name });
          if (ok.has(res.status)) return;
          expect(refusals).toContain(res.status);
          expect(typeof res.body.message).toBe('string');
          expect(await documents()).toBe(before);
        },
      ),
      { numRuns: 120 },
    );
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
  });

  it('refuses DOCX bombs with 413 naming the limit, honest or lying about their size, and stays responsive', async () => {
    const before = await documents();
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const honest = await upload(h.url, docxBomb(60 * 1024 * 1024), {
      type: DOCX,
      name: 'bomb.docx',
    });
    expect(honest.status).toBe(413);
    expect(honest.body.message).toMatch(/inflates to more than the limit of 52428800 bytes/);
    const liar = await upload(h.url, docxBomb(60 * 1024 * 1024, { lie: true }), {
      type: DOCX,
      name: 'liar.docx',
    });
    expect(liar.status).toBe(422);
    expect(await documents()).toBe(before);
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
  });
});
