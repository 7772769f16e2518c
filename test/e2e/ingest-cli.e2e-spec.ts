import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureTopics } from '@ct/messaging';
import {
  announcePrincipals,
  createTestDatabase,
  queryRows,
  REPO_ROOT,
  startService,
  TEST_KAFKA_BROKERS,
  type ServiceProcess,
  type TestDatabase,
  skipBacklog,
  testApiKey,
  testUser,
  TEST_KEYS,
} from '@ct/testing';

const run = promisify(execFile);

/** `commitments ingest` as a user runs it, against the ingestion service as a real process. */
describe('commitments ingest (CLI)', () => {
  let db: TestDatabase;
  let ingestion: ServiceProcess;
  let dir: string;

  // Who the CLI signs in as, announced on the principals topic as the commitments service would.
  const admin = testUser('admin', 'cli-admin');
  const viewer = testUser('viewer', 'cli-viewer');
  const robot = testApiKey('cli-robot', ['ingest']);
  const reader = testApiKey('cli-reader', ['read']);

  const cli = async (args: string[], env: Record<string, string> = { CT_API_KEY: robot.key }) => {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [join(REPO_ROOT, 'bin/commitments.js'), ...args],
        { env: { ...process.env, CT_TOKEN: '', CT_API_KEY: '', ...env } },
      );
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    await ensureTopics(TEST_KAFKA_BROKERS);
    await skipBacklog(TEST_KAFKA_BROKERS);
    db = await createTestDatabase('e2e_cli');
    ingestion = await startService('ingestion', 24111, {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
      JWT_PUBLIC_KEY: TEST_KEYS.publicKey,
    });
    const principals = [admin, viewer, robot, reader].map((p) => p.principal);
    await announcePrincipals(TEST_KAFKA_BROKERS, principals);
    for (let i = 0; ; i++) {
      const [{ n }] = await queryRows<{ n: number }>(
        db.url,
        'SELECT count(*)::int AS n FROM ingestion.principals',
      );
      if (n === principals.length) break;
      if (i > 150) throw new Error('the ingestion service did not learn the test principals');
      await new Promise((r) => setTimeout(r, 200));
    }
    dir = await mkdtemp(join(tmpdir(), 'ct-cli-'));
    for (const f of ['statement.pdf', 'communique.docx', 'news-article.html']) {
      await copyFile(join(REPO_ROOT, 'test/fixtures/documents', f), join(dir, f));
    }
    await writeFile(
      join(dir, 'declaration.txt'),
      'The Heads of State instructed the Secretariat to prepare a report on customs by 2026.',
    );
    await writeFile(join(dir, 'broken.pdf'), '%PDF-1.4 this is not a PDF');
    await writeFile(join(dir, 'ignored.png'), 'not a document');
  });

  afterAll(async () => {
    await ingestion?.stop();
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to send without a credential, and with one that may not add documents', async () => {
    const none = await cli(['ingest', dir, '--url', ingestion.url, '--no-progress'], {});
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/set CT_TOKEN .* or CT_API_KEY/);
    const readOnly = await cli(['ingest', dir, '--url', ingestion.url, '--no-progress'], {
      CT_API_KEY: reader.key,
    });
    expect(readOnly.stdout).toMatch(/^ingested 0 new, 0 duplicate, 5 failed$/m);
    expect(readOnly.stdout).toMatch(/403 this API key needs the ingest scope/);
    const asViewer = await cli(['ingest', dir, '--url', ingestion.url, '--no-progress'], {
      CT_TOKEN: viewer.token(),
    });
    expect(asViewer.stdout).toMatch(/403 adding documents is for coordinators and admins/);
    const [{ n }] = await queryRows<{ n: number }>(
      db.url,
      'SELECT count(*)::int AS n FROM ingestion.documents',
    );
    expect(n).toBe(0);
  });

  it('sends a folder, stores each text once, and names every refusal', async () => {
    const first = await cli(['ingest', dir, '--url', ingestion.url, '--no-progress']);
    expect(first.stdout).toMatch(/^ingested 4 new, 0 duplicate, 1 failed$/m);
    expect(first.stdout).toMatch(/failed .*broken\.pdf: 422 the PDF cannot be read/);
    expect(first.code).toBe(2);
    const again = await cli(['ingest', dir, '--url', ingestion.url, '--no-progress'], {
      CT_TOKEN: admin.token(),
    });
    expect(again.stdout).toMatch(/^ingested 0 new, 4 duplicate, 1 failed$/m);
    const docs = await queryRows<{ origin: string; media_type: string }>(
      db.url,
      'SELECT origin, media_type FROM ingestion.documents ORDER BY media_type',
    );
    expect(docs.map((d) => d.media_type)).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/html',
      'text/plain',
    ]);
    expect(new Set(docs.map((d) => d.origin))).toEqual(new Set(['cli']));
  });

  it('reprocesses stored documents for an admin, and refuses anyone else', async () => {
    const forced = await cli([
      'reprocess',
      '--force',
      '--url',
      ingestion.url,
      '--token',
      admin.token(),
    ]);
    expect(forced.stdout.trim()).toMatch(
      /^engine rules@1\.0\.0: 4 of 4 documents reprocessed \(0 already read by it\), \d+ commitments published$/,
    );
    expect(forced.code).toBe(0);
    const again = await cli([
      'reprocess',
      '--since',
      '2000-01-01',
      '--url',
      ingestion.url,
      '--token',
      admin.token(),
    ]);
    expect(again.stdout).toMatch(/0 of 4 documents reprocessed \(4 already read by it\)/);
    const refused = await cli(['reprocess', '--url', ingestion.url, '--token', viewer.token()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/reprocessing refused \(403\): reprocessing is for admins/);
  });

  it('says plainly when the service cannot be reached', async () => {
    const res = await cli(['ingest', dir, '--url', 'http://127.0.0.1:24999', '--no-progress']);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toMatch(
      /^commitments: cannot reach the ingestion service at http:\/\/127\.0\.0\.1:24999 \(ECONNREFUSED\)/,
    );
  });
});
