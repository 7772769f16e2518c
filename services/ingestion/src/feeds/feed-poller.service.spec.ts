import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { EgressPolicy } from '@ct/egress';
import type { FileIngestService, FileMeta } from '../documents/file-ingest.service';
import type { IngestOutcome } from '../documents/ingest-outcome';
import type { FeedEntriesRepository } from './feed-entries.repository';
import { FeedPoller } from './feed-poller.service';

/** The feed-entries table in memory. */
class InMemoryFeedEntries {
  readonly rows = new Map<string, { link: string | null; outcome: IngestOutcome }>();
  async known(feedUrl: string, keys: string[]) {
    return new Set(keys.filter((k) => this.rows.has(`${feedUrl} ${k}`)));
  }
  async record(feedUrl: string, key: string, link: string | null, outcome: IngestOutcome) {
    if (!this.rows.has(`${feedUrl} ${key}`)) this.rows.set(`${feedUrl} ${key}`, { link, outcome });
  }
}

describe(FeedPoller.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  let server: Server;
  let base: string;
  let entries: InMemoryFeedEntries;
  let ingested: { text: string; meta: FileMeta }[];
  const rss = (items: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>${items}</channel></rss>`;
  let feed = rss('');

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/feed.xml')
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
      else if (req.url === '/story/1')
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<p>The leaders agreed to meet again in 2027.</p>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const poller = (allow: string | undefined) =>
    new FeedPoller(
      {
        urls: [`${base}/feed.xml`],
        intervalMs: 60_000,
        timeoutMs: 2000,
        maxBytes: 100_000,
        egress: EgressPolicy.parse(allow),
      },
      entries as unknown as FeedEntriesRepository,
      {
        ingest: async (bytes: Buffer, meta: FileMeta) => {
          ingested.push({ text: bytes.toString(), meta });
          return { id: `d-${ingested.length}`, duplicate: false, contentHash: 'h' };
        },
      } as unknown as FileIngestService,
    );

  beforeEach(() => {
    entries = new InMemoryFeedEntries();
    ingested = [];
  });

  it('ingests each entry once: the linked page, or the entry’s own content, with its title and date', async () => {
    feed = rss(`
      <item><guid>a</guid><title> Summit ends </title><link>${base}/story/1</link><pubDate>Sat, 06 Jul 2024 10:00:00 GMT</pubDate></item>
      <item><guid>b</guid><title>Brief</title><description><![CDATA[<p>Ministers will meet in May.</p>]]></description></item>`);
    const sut = poller('127.0.0.1');
    expect(await sut.poll(`${base}/feed.xml`)).toEqual({ ingested: 2, duplicate: 0, failed: 0 });
    expect(ingested.map((i) => [i.meta.title, i.meta.published, i.meta.origin])).toEqual([
      ['Summit ends', '2024-07-06', 'feed'],
      ['Brief', null, 'feed'],
    ]);
    expect(ingested[0].text).toContain('agreed to meet again');
    expect(await sut.poll(`${base}/feed.xml`)).toEqual({ ingested: 0, duplicate: 0, failed: 0 });
  });

  it('records an entry whose page is refused or missing as failed, once', async () => {
    feed = rss(`<item><guid>c</guid><title>Gone</title><link>${base}/story/404</link></item>`);
    const sut = poller('127.0.0.1');
    expect(await sut.poll(`${base}/feed.xml`)).toEqual({ ingested: 0, duplicate: 0, failed: 1 });
    expect([...entries.rows.values()][0].outcome).toMatchObject({ outcome: 'failed' });
  });

  it('does not reach a feed on loopback unless allowed', async () => {
    await expect(poller(undefined).poll(`${base}/feed.xml`)).rejects.toThrow(/loopback/);
    expect(entries.rows.size).toBe(0);
  });
});
