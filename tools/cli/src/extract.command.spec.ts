import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';

describe('commitments extract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  let out: string[];
  let err: string[];

  beforeEach(() => {
    out = [];
    err = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints {"items": [...]} with --json and exits 0', async () => {
    const path = file(
      'doc.txt',
      'The leaders instructed the Secretariat to prepare a report by the end of the year.',
    );
    expect(
      await main(['node', 'commitments', 'extract', path, '--published', '2025-03-01', '--json']),
    ).toBe(0);
    const parsed = JSON.parse(out.join('')) as {
      items: { kind: string; actor: string; deadline: string; evidence: string }[];
    };
    expect(parsed.items).toEqual([
      expect.objectContaining({
        kind: 'mandate',
        actor: 'Secretariat',
        deadline: '2025-12-31',
        deadline_source: 'explicit',
      }),
    ]);
  });

  it.each(['statement.pdf', 'communique.docx', 'news-article.html'])(
    'reads %s as ingestion reads it',
    async (name) => {
      const path = join(__dirname, '../../../test/fixtures/documents', name);
      expect(await main(['node', 'commitments', 'extract', path, '--json'])).toBe(0);
      const parsed = JSON.parse(out.join('')) as { items: { kind: string }[] };
      expect(parsed.items.length).toBeGreaterThan(0);
    },
  );

  it('prints a readable table without --json', async () => {
    const path = file('doc2.txt', 'Georgia will host the next summit in Tbilisi in October 2026.');
    expect(await main(['node', 'commitments', 'extract', path])).toBe(0);
    expect(out.join('')).toMatch(/1 commitment\(s\), language en\n- event +Georgia \| due 2026-10/);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.txt'), /cannot read .*nope\.txt: ENOENT/],
    ['a folder', () => dir, /is not a file/],
    [
      'binary input',
      () => file('bin.dat', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])),
      /only read as a DOCX document/,
    ],
    [
      'invalid UTF-8',
      () => file('latin1.txt', Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f])),
      /not valid UTF-8/,
    ],
  ])('refuses %s with a one-line error and exit 1', async (_what, path, message) => {
    expect(await main(['node', 'commitments', 'extract', path(), '--json'])).toBe(1);
    expect(err.join('')).toMatch(message);
    expect(err.join('').trim().split('\n')).toHaveLength(1);
    expect(out).toEqual([]);
  });

  it.each(['2025', '2025-03', '2025-03-01'])(
    'takes --published %s at the precision the user knows',
    async (published) => {
      const path = file('partial.txt', 'The ministers agreed to set up a joint fund in May.');
      expect(
        await main(['node', 'commitments', 'extract', path, '--published', published, '--json']),
      ).toBe(0);
      const parsed = JSON.parse(out.join('')) as { items: { deadline: string }[] };
      expect(parsed.items[0].deadline).toBe('2025-05');
    },
  );

  it.each(['2025-13', '2025-02-30', '25-03-01'])('refuses --published %s', async (published) => {
    const path = file('bad.txt', 'Some text here.');
    expect(await main(['node', 'commitments', 'extract', path, '--published', published])).toBe(1);
    expect(err.join('')).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it('refuses a malformed --published date', async () => {
    const path = file('doc3.txt', 'Some text here.');
    expect(await main(['node', 'commitments', 'extract', path, '--published', '06/11/2025'])).toBe(
      1,
    );
    expect(err.join('')).toMatch(/--published must be a date/);
  });
});
