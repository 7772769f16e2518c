import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wrap, DOCUMENT_RECEIVED } from '@ct/contracts';
import { queryRows, REPO_ROOT } from '@ct/testing';
import { ExtractionService } from '../src/extraction/extraction.service';
import { FeedPoller } from '../src/feeds/feed-poller.service';
import { FolderWatcher } from '../src/watch/folder-watcher.service';
import { EXTRACTOR } from '../src/extraction/extractor.provider';
import { ReprocessService } from '../src/extraction/reprocess.service';
import { RuleBasedExtractor, type Extractor } from '@ct/extraction';
import { signedIn, startIngestion, upload, USERS, type IngestionHarness } from './harness';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/documents', name));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A sign-in token of the commitments service for the harness's user of this role. */
const signedToken = (role: 'viewer' | 'coordinator' | 'admin') => USERS[role].token();

/** A JSON request, with a bearer token when given. */
const sendJson = (method: string, url: string, body: unknown, auth?: string) =>
  fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
    },
    body: JSON.stringify(body),
  });

describe('ingestion: formats, limits and bad input', () => {
  let h: IngestionHarness;
  const count = async () =>
    Number(
      (await queryRows<{ n: string }>(h.db.url, 'SELECT count(*) AS n FROM ingestion.documents'))[0]
        .n,
    );
  const outbox = (type: string) =>
    queryRows<{ payload: { data: Record<string, unknown> } }>(
      h.db.url,
      `SELECT payload FROM ingestion.outbox WHERE payload->>'type' = $1 ORDER BY seq`,
      [type],
    );

  beforeAll(async () => {
    h = await startIngestion('ingest_formats');
  });
  afterAll(() => h?.close());

  it.each([
    [
      'statement.pdf',
      'application/pdf',
      'application/pdf',
      'Joint Statement of the Ministers of Transport',
      '2024-09-12',
      /feasibility study on the Middle Corridor/,
    ],
    [
      'communique.docx',
      'application/octet-stream',
      DOCX,
      'communique.docx',
      '2024-07-03',
      /joint working group on renewable energy/,
    ],
    [
      'news-article.html',
      'text/html',
      'text/html',
      'Leaders agree on customs union roadmap',
      '2024-11-07',
      /draft a roadmap for a customs union/,
    ],
  ])(
    'stores an uploaded %s once with its provenance',
    async (name, type, mediaType, title, published, text) => {
      const first = await upload(h.url, fixture(name), { name, type });
      expect(first.status).toBe(201);
      const doc = (await (
        await fetch(`${h.url}/documents/${first.body.id}`, { headers: signedIn() })
      ).json()) as Record<string, unknown>;
      expect(doc).toMatchObject({
        mediaType,
        title,
        published,
        origin: 'upload',
        fileName: name,
        language: 'en',
      });
      expect(doc.fileHash).toMatch(/^[0-9a-f]{64}$/);
      expect(String(doc.text).replace(/\s+/gu, ' ')).toMatch(text);
      // The same file again, or its text through the JSON API: the same document, announced once.
      const again = await upload(h.url, fixture(name), { name: `copy-of-${name}`, type });
      expect(again).toEqual({ status: 200, body: { ...first.body, duplicate: true } });
      const asJson = await fetch(`${h.url}/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedIn() },
        body: JSON.stringify({ text: doc.text }),
      });
      expect(asJson.status).toBe(200);
      expect(((await asJson.json()) as { id: string }).id).toBe(first.body.id);
      const announced = (await outbox(DOCUMENT_RECEIVED)).filter(
        (r) => r.payload.data.documentId === first.body.id,
      );
      expect(announced).toHaveLength(1);
    },
  );

  it('takes metadata from the sender over the file, and reads a dateline and the language otherwise', async () => {
    const sent = await upload(
      h.url,
      fixture('statement.pdf').toString('latin1').replace('Baku', 'Baky'),
      {
        name: 'x.pdf',
        type: 'application/pdf',
      },
    );
    // Editing a PDF's bytes breaks it: refused as unreadable, not stored half.
    expect(sent.status).toBe(422);
    const res = await fetch(`${h.url}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedIn() },
      body: JSON.stringify({
        text: 'Ankara, 12 Kasım 2023\n\nDışişleri Bakanları, sekreteryadan 2024 yılı sonuna kadar bir rapor hazırlamasını talep etti.',
      }),
    });
    const { id } = (await res.json()) as { id: string };
    const doc = (await (
      await fetch(`${h.url}/documents/${id}`, { headers: signedIn() })
    ).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({ language: 'tr', published: '2023-11-12', origin: 'api' });
    const titled = await upload(
      h.url,
      'Plain text about nothing in particular, long enough to be a text.',
      {
        name: 'note.txt',
        type: 'text/plain',
        fields: { title: 'A note', published: '2020-02-02', language: 'en' },
      },
    );
    const note = (await (
      await fetch(`${h.url}/documents/${titled.body.id}`, { headers: signedIn() })
    ).json()) as Record<string, unknown>;
    expect(note).toMatchObject({
      title: 'A note',
      published: '2020-02-02',
      language: 'en',
      mediaType: 'text/plain',
    });
  });

  it.each([
    [
      'an image',
      Buffer.from('GIF89a\u0001\u0000'),
      'image/gif',
      'a.gif',
      415,
      /image\/gif is not supported/,
    ],
    [
      'binary data',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]),
      'application/octet-stream',
      'a.bin',
      415,
      /binary/,
    ],
    [
      'a corrupt PDF',
      Buffer.from('%PDF-1.7\nnot really'),
      'application/pdf',
      'a.pdf',
      422,
      /PDF cannot be read/,
    ],
    [
      'a corrupt DOCX',
      Buffer.from('PK\u0003\u0004broken'),
      DOCX,
      'a.docx',
      422,
      /DOCX cannot be read/,
    ],
    ['an empty text', Buffer.from('  \n '), 'text/plain', 'a.txt', 422, /no text/],
    [
      'invalid UTF-8',
      Buffer.from([0x48, 0xc3, 0x28, 0x49]),
      'text/plain',
      'a.txt',
      422,
      /not valid UTF-8/,
    ],
    [
      'a file over the upload limit',
      Buffer.alloc(100_001, 'a'),
      'text/plain',
      'a.txt',
      413,
      /limit of 100000 bytes/,
    ],
    [
      'a text over the text limit',
      Buffer.alloc(20_001, 'a'),
      'text/plain',
      'a.txt',
      413,
      /limit of 20000/,
    ],
  ])(
    'refuses %s with a clear reason and stores nothing',
    async (_, bytes, type, name, status, message) => {
      const before = await count();
      const res = await upload(h.url, bytes, { name, type });
      expect(res.status).toBe(status);
      expect(res.body.message).toMatch(message);
      expect(await count()).toBe(before);
    },
  );

  it('refuses requests in the wrong shape', async () => {
    const json = await fetch(`${h.url}/documents/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedIn() },
      body: '{}',
    });
    expect(json.status).toBe(415);
    const noFile = new FormData();
    noFile.append('title', 'x');
    const empty = await fetch(`${h.url}/documents/upload`, {
      method: 'POST',
      body: noFile,
      headers: signedIn(),
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { message: string }).message).toMatch(/field named "file"/);
    const text = await fetch(`${h.url}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...signedIn() },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    const badField = await upload(h.url, 'some text that is fine', {
      fields: { published: 'yesterday' },
    });
    expect(badField.status).toBe(400);
  });

  it('announces each extraction run with its counts and engine', async () => {
    const { body } = await upload(
      h.url,
      'Bishkek, 6 November 2024. The Heads of State instructed the Secretariat to prepare a report on transport corridors by March 2025. The Parties agreed to hold the next Summit in Baku in 2025.',
      { name: 'run.txt', type: 'text/plain' },
    );
    const event = wrap(
      DOCUMENT_RECEIVED,
      {
        documentId: String(body.id),
        title: null,
        language: 'en',
        published: '2024-11-06',
        sourceUrl: null,
        contentHash: String(body.contentHash),
        textLength: 10,
      },
      { source: '/test', id: `received-${String(body.id)}` },
    );
    const extraction = h.app.get(ExtractionService);
    await extraction.onDocumentReceived(event);
    await extraction.onDocumentReceived(event); // redelivered: nothing more
    const runs = (await outbox('document.extracted.v1')).filter(
      (r) => r.payload.data.documentId === body.id,
    );
    expect(runs).toHaveLength(1);
    expect(runs[0].payload.data).toMatchObject({
      engine: { name: 'rules' },
      commitments: 2,
      byKind: { mandate: 1, event: 1, pledge: 0 },
    });
  });
});

describe('ingestion: watched folder', () => {
  let dir: string;
  let h: IngestionHarness;
  const files = () =>
    queryRows<{ path: string; outcome: string; reason: string | null }>(
      h.db.url,
      'SELECT path, outcome, reason FROM ingestion.watched_files ORDER BY path',
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ct-watch-'));
    await mkdir(join(dir, 'news'));
    await writeFile(
      join(dir, 'declaration.txt'),
      'The Heads of State instructed the Secretariat to prepare a report on energy by 2026.',
    );
    await writeFile(join(dir, 'news', 'article.html'), fixture('news-article.html'));
    await writeFile(join(dir, 'scan.pdf'), Buffer.from('%PDF-1.4 broken'));
    await writeFile(join(dir, 'notes.xyz'), 'not a document type we read');
    await writeFile(join(dir, 'huge.txt'), Buffer.alloc(100_001, 'a'));
    const old = new Date(Date.now() - 60_000);
    for (const f of ['declaration.txt', 'news/article.html', 'scan.pdf', 'huge.txt'])
      await utimes(join(dir, f), old, old);
    h = await startIngestion('ingest_watch', { WATCH_DIR: dir });
  });
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('ingests each document file once, also across a restart, and again when it changes', async () => {
    // The scan at start-up took everything in; this one runs after it and finds nothing new.
    expect(await h.app.get(FolderWatcher).scan()).toEqual({ ingested: 0, duplicate: 0, failed: 0 });
    const after = await files();
    expect(after.map((f) => [f.path.slice(dir.length + 1), f.outcome])).toEqual([
      ['declaration.txt', 'ingested'],
      ['huge.txt', 'failed'],
      ['news/article.html', 'ingested'],
      ['scan.pdf', 'failed'],
    ]);
    expect(after[1].reason).toMatch(/larger than the upload limit of 100000 bytes/);
    expect(after[3].reason).toMatch(/PDF cannot be read/);
    const docs = await queryRows<{ origin: string; file_name: string }>(
      h.db.url,
      'SELECT origin, file_name FROM ingestion.documents ORDER BY file_name',
    );
    expect(docs).toEqual([
      { origin: 'folder', file_name: 'declaration.txt' },
      { origin: 'folder', file_name: 'news/article.html' },
    ]);

    // A restart on the same database takes nothing in twice.
    await h.stop();
    h = await startIngestion('ingest_watch', { WATCH_DIR: dir }, h.db);
    const restarted = h.app.get(FolderWatcher);
    expect(await restarted.scan()).toEqual({ ingested: 0, duplicate: 0, failed: 0 });

    // A changed file is read again; touching a file without changing it is not.
    const old = new Date(Date.now() - 30_000);
    await writeFile(
      join(dir, 'declaration.txt'),
      'The Parties agreed to establish a joint fund for culture by 2027.',
    );
    await utimes(join(dir, 'declaration.txt'), old, old);
    await utimes(join(dir, 'news/article.html'), old, old);
    expect(await restarted.scan()).toEqual({ ingested: 1, duplicate: 0, failed: 0 });
    expect(await restarted.scan()).toEqual({ ingested: 0, duplicate: 0, failed: 0 });
    // A file still being written (modified just now) waits for the next scan.
    await writeFile(
      join(dir, 'fresh.txt'),
      'The Ministers will meet again in Astana in 2026 to review it.',
    );
    expect((await restarted.scan()).ingested).toBe(0);
  });
});

describe('ingestion: feeds', () => {
  let server: Server;
  let base: string;
  let h: IngestionHarness;
  const items: string[] = [];
  const rss = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example News</title><link>${base}/</link><description>news</description>
${items.join('\n')}
</channel></rss>`;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss());
      } else if (req.url === '/articles/moved') {
        res.writeHead(301, { location: `${base}/articles/summit` }).end();
      } else if (req.url === '/articles/inside') {
        // A redirect into the network: the hop is checked like the first request.
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      } else if (req.url === '/articles/summit') {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(fixture('news-article.html'));
      } else {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    items.push(
      `<item><title>Leaders agree on customs union roadmap</title><link>${base}/articles/summit</link><guid>summit-1</guid><pubDate>Thu, 07 Nov 2024 08:30:00 GMT</pubDate></item>`,
      `<item><title>Ministers meet</title><guid isPermaLink="false">inline-2</guid><pubDate>Fri, 08 Nov 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>Tashkent, 8 November 2024. The Ministers of Education agreed to launch a student exchange programme by September 2025.</p>]]></content:encoded></item>`,
    );
    // The test server is on loopback, which only an explicit allowance reaches.
    h = await startIngestion('ingest_feeds', {
      FEED_URLS: `${base}/feed.xml`,
      EGRESS_ALLOW: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((r) => server.close(r));
  });

  it('ingests each new entry once: the linked article, or the inline content', async () => {
    const poller = h.app.get(FeedPoller);
    // The poll at start-up took both entries in; this one runs after it and finds nothing new.
    expect(await poller.poll(`${base}/feed.xml`)).toEqual({ ingested: 0, duplicate: 0, failed: 0 });
    const docs = await queryRows<{
      title: string;
      source_url: string | null;
      published: string;
      origin: string;
      text: string;
    }>(
      h.db.url,
      `SELECT title, source_url, published::text AS published, origin, text FROM ingestion.documents ORDER BY title`,
    );
    expect(docs.map(({ text: _text, ...d }) => d)).toEqual([
      {
        title: 'Leaders agree on customs union roadmap',
        source_url: `${base}/articles/summit`,
        published: '2024-11-07',
        origin: 'feed',
      },
      { title: 'Ministers meet', source_url: null, published: '2024-11-08', origin: 'feed' },
    ]);
    expect(docs[0].text).not.toMatch(/Subscribe now/);

    items.push(
      `<item><title>Gone</title><link>${base}/articles/missing</link><guid>gone-3</guid></item>`,
    );
    expect(await poller.poll(`${base}/feed.xml`)).toEqual({ ingested: 0, duplicate: 0, failed: 1 });
    const [gone] = await queryRows<{ outcome: string; reason: string }>(
      h.db.url,
      `SELECT outcome, reason FROM ingestion.feed_entries WHERE entry_key = 'gone-3'`,
    );
    expect(gone).toEqual({ outcome: 'failed', reason: expect.stringMatching(/answered 404/) });
  });

  it('follows a redirect, but fetches nothing inside the network, whichever way it is pointed there', async () => {
    const poller = h.app.get(FeedPoller);
    items.push(
      `<item><title>Moved</title><link>${base}/articles/moved</link><guid>moved-4</guid></item>`,
      `<item><title>Inside</title><link>${base}/articles/inside</link><guid>inside-5</guid></item>`,
      `<item><title>Metadata</title><link>http://169.254.169.254/latest/</link><guid>meta-6</guid></item>`,
      `<item><title>Database</title><link>http://[::1]:5432/</link><guid>db-7</guid></item>`,
      `<item><title>Decimal</title><link>http://2130706434/</link><guid>dec-8</guid></item>`,
    );
    expect(await poller.poll(`${base}/feed.xml`)).toEqual({ ingested: 0, duplicate: 1, failed: 4 });
    const rows = await queryRows<{ entry_key: string; reason: string }>(
      h.db.url,
      `SELECT entry_key, reason FROM ingestion.feed_entries WHERE outcome = 'failed' AND entry_key <> 'gone-3' ORDER BY entry_key`,
    );
    expect(rows).toEqual([
      {
        entry_key: 'db-7',
        reason: expect.stringMatching(/::1 is a loopback address/),
      },
      { entry_key: 'dec-8', reason: expect.stringMatching(/127\.0\.0\.2 is a loopback address/) },
      {
        entry_key: 'inside-5',
        reason: expect.stringMatching(/169\.254\.169\.254 is a link-local address/),
      },
      {
        entry_key: 'meta-6',
        reason: expect.stringMatching(/169\.254\.169\.254 is a link-local address/),
      },
    ]);
  });
});

describe('ingestion: reprocessing with a newer engine', () => {
  // The engine in use, swapped by the test: a "newer" one that finds all but the last commitment.
  const rules = new RuleBasedExtractor();
  let engine: Extractor = rules;
  const newer: Extractor = {
    name: 'rules',
    version: '9.9.9',
    extract: (input) => {
      const r = rules.extract(input);
      return {
        ...r,
        engine: { name: 'rules', version: '9.9.9' },
        commitments: r.commitments.slice(0, -1),
      };
    },
  };
  let h: IngestionHarness;
  const token = (role: 'viewer' | 'coordinator' | 'admin') => signedToken(role);
  const reprocess = (body: unknown, auth?: string) =>
    sendJson('POST', `${h.url}/admin/reprocess`, body, auth);

  beforeAll(async () => {
    h = await startIngestion('ingest_reprocess', {}, undefined, (b) =>
      b.overrideProvider(EXTRACTOR).useValue({
        get name() {
          return engine.name;
        },
        get version() {
          return engine.version;
        },
        extract: (input: Parameters<Extractor['extract']>[0]) => engine.extract(input),
      }),
    );
  });
  afterAll(() => h?.close());

  it('re-runs only documents the current engine has not read, publishing its results under its version', async () => {
    const { body } = await upload(
      h.url,
      'Bishkek, 6 November 2024. The Heads of State instructed the Secretariat to prepare a report on transport corridors by March 2025. The Parties agreed to hold the next Summit in Baku in 2025.',
      { name: 'decl.txt', type: 'text/plain' },
    );
    const id = String(body.id);
    const service = h.app.get(ReprocessService);
    // First extraction by the current engine (as the document.received consumer would).
    expect(await service.reprocess()).toMatchObject({
      engine: 'rules@1.0.0',
      reprocessed: 1,
      commitments: 2,
    });
    expect(await service.reprocess()).toMatchObject({ reprocessed: 0, skipped: 1 });

    engine = newer;
    expect(await service.reprocess({ since: '2000-01-01' })).toMatchObject({
      engine: 'rules@9.9.9',
      reprocessed: 1,
      commitments: 1,
    });
    expect(await service.reprocess({ since: '2999-01-01' })).toMatchObject({ documents: 0 });
    const events = await queryRows<{ event_id: string; topic: string }>(
      h.db.url,
      `SELECT event_id, topic FROM ingestion.outbox WHERE event_id LIKE $1 ORDER BY seq`,
      [`%${id}%`],
    );
    expect(events.map((e) => e.event_id)).toEqual([
      `extracted:${id}:rules@1.0.0:0`,
      `extracted:${id}:rules@1.0.0:1`,
      `document-extracted:${id}:rules@1.0.0`,
      `extracted:${id}:rules@9.9.9:0`,
      `document-extracted:${id}:rules@9.9.9`,
    ]);
    const [doc] = await queryRows<{ engine_version: string; commitment_count: number }>(
      h.db.url,
      'SELECT engine_version, commitment_count FROM ingestion.documents WHERE id = $1',
      [id],
    );
    expect(doc).toEqual({ engine_version: 'rules@9.9.9', commitment_count: 1 });
  });

  it('lets only an admin reprocess over HTTP', async () => {
    expect((await reprocess({})).status).toBe(401);
    expect((await reprocess({}, 'forged.token.value')).status).toBe(401);
    expect((await reprocess({}, token('viewer'))).status).toBe(403);
    expect((await reprocess({ since: 'last week' }, token('admin'))).status).toBe(400);
    const ok = await reprocess({ since: '2000-01-01', force: true }, token('admin'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ engine: 'rules@9.9.9', reprocessed: 1 });
  });
});

describe('ingestion: correcting a stored document', () => {
  let h: IngestionHarness;
  const token = (role: 'viewer' | 'coordinator' | 'admin') => signedToken(role);
  const patch = (id: string, body: unknown, auth?: string) =>
    sendJson('PATCH', `${h.url}/documents/${id}`, body, auth);

  beforeAll(async () => {
    h = await startIngestion('ingest_correct');
  });
  afterAll(() => h?.close());

  it('lets a coordinator or an admin correct the date, records who did, and reads the document again', async () => {
    const { body } = await upload(
      h.url,
      'Joint communiqué. The Ministers agreed to set up a joint fund for river transport in May.',
      { name: 'communique.txt', type: 'text/plain' },
    );
    const id = String(body.id);
    // First reading, as the document.received consumer would make it.
    await h.app.get(ReprocessService).reprocess();

    expect((await patch(id, { published: '2024-03-10' })).status).toBe(401);
    expect((await patch(id, { published: '2024-03-10' }, token('viewer'))).status).toBe(403);
    expect((await patch(id, { published: 'March 2024' }, token('coordinator'))).status).toBe(400);
    expect((await patch(id, {}, token('coordinator'))).status).toBe(400);
    const future = await patch(id, { published: '2999-01-01' }, token('coordinator'));
    expect(future.status).toBe(422);
    expect(((await future.json()) as { message: string }).message).toMatch(/later than today/);
    expect(
      (await patch('00000000-0000-4000-8000-000000000099', { language: 'en' }, token('admin')))
        .status,
    ).toBe(404);

    const ok = await patch(id, { published: '2024-03-10' }, token('coordinator'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      published: '2024-03-10',
      revision: 1,
      changed: ['published'],
      commitments: 1,
    });
    const extracted = await queryRows<{ event_id: string; deadline: string; engine: string }>(
      h.db.url,
      `SELECT event_id, payload->'data'->>'deadline' AS deadline, payload->'data'->'engine'->>'version' AS engine
       FROM ingestion.outbox WHERE payload->>'type' = 'commitment.extracted.v1' AND event_id LIKE $1 ORDER BY seq`,
      [`%${id}%`],
    );
    // The corrected reading is new events (its own version), with the deadline against the new date.
    expect(extracted.map((e) => [e.engine, e.deadline])).toEqual([
      // Without a date, "in May" is taken in the year the text suggests (none here: this year).
      ['1.0.0', `${new Date().getUTCFullYear()}-05`],
      ['1.0.0+r1', '2024-05'],
    ]);
    const audit = await queryRows(
      h.db.url,
      'SELECT field, from_value, to_value, corrected_by, revision FROM ingestion.document_corrections WHERE document_id = $1',
      [id],
    );
    expect(audit).toEqual([
      {
        field: 'published',
        from_value: null,
        to_value: '2024-03-10',
        corrected_by: 'coordinator@example.org',
        revision: 1,
      },
    ]);

    // The same value again changes nothing and reads nothing again.
    const same = await patch(id, { published: '2024-03-10' }, token('admin'));
    expect(await same.json()).toMatchObject({ revision: 1, changed: [], commitments: null });
  });

  it('takes a publication date at the precision the sender knows it, and reads against it', async () => {
    const post = (body: unknown) =>
      fetch(`${h.url}/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedIn() },
        body: JSON.stringify(body),
      });
    expect((await post({ text: 'Some text of a report.', published: '2024-13' })).status).toBe(400);
    expect((await post({ text: 'Some text of a report.', published: 'July 2024' })).status).toBe(
      400,
    );
    const res = await post({
      text: 'The Ministers agreed to open a joint trade office in Osh in May.',
      published: '2024-07',
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const doc = (await (
      await fetch(`${h.url}/documents/${id}`, { headers: signedIn() })
    ).json()) as { published: string };
    expect(doc.published).toBe('2024-07');
    await h.app.get(ReprocessService).reprocess();
    const [extracted] = await queryRows<{ deadline: string }>(
      h.db.url,
      `SELECT payload->'data'->>'deadline' AS deadline FROM ingestion.outbox
       WHERE payload->>'type' = 'commitment.extracted.v1' AND event_id LIKE $1`,
      [`%${id}%`],
    );
    // "In May" after a report of July 2024 is May 2025.
    expect(extracted.deadline).toBe('2025-05');
    const corrected = await patch(id, { published: '2024' }, token('coordinator'));
    expect(await corrected.json()).toMatchObject({ published: '2024', changed: ['published'] });
  });
});
