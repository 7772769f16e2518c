import { Command } from 'commander';
import { CliError, runExtract } from './extract.command';
import { runIngest } from './ingest.command';
import { runReprocess } from './reprocess.command';

/** `commitments`: the project's command-line tool. */
export function buildProgram(
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Command {
  const program = new Command('commitments')
    .description('Commitment tracker command-line tool')
    .showHelpAfterError()
    .exitOverride();
  program
    .command('extract')
    .description('print the commitments found in a text file (no Kafka, no database needed)')
    .argument('<file>', 'a text, HTML, PDF or DOCX file')
    .option(
      '--published <date>',
      'publication date (YYYY, YYYY-MM or YYYY-MM-DD), the reference for relative deadlines',
    )
    .option('--language <code>', 'ISO 639-1 language code (detected when omitted)')
    .option('--json', 'print {"items": [...]} as JSON')
    .action((file: string, opts: { published?: string; language?: string; json?: boolean }) =>
      runExtract(file, opts, out),
    );
  program
    .command('ingest')
    .description(
      'send files and folders to the running ingestion service, each text stored once ($CT_TOKEN or $CT_API_KEY signs in)',
    )
    .argument('<paths...>', 'files (.txt .md .html .pdf .docx) or folders of them')
    .option(
      '--url <url>',
      'ingestion service base URL',
      process.env.INGESTION_URL ?? 'http://127.0.0.1:3001',
    )
    .option('--concurrency <n>', 'files sent at once', (v) => Number.parseInt(v, 10), 4)
    .option('--no-progress', 'no progress bar')
    .action(
      async (paths: string[], opts: { url: string; concurrency: number; progress: boolean }) => {
        const summary = await runIngest(
          paths,
          {
            url: opts.url.replace(/\/+$/u, ''),
            concurrency: Math.max(1, opts.concurrency || 1),
            progress: opts.progress && Boolean(process.stderr.isTTY),
            credential: { token: process.env.CT_TOKEN, apiKey: process.env.CT_API_KEY },
          },
          out,
        );
        // Some files refused: say so in the exit code too (2: partly done).
        if (summary.failed.length > 0) process.exitCode = 2;
      },
    );
  program
    .command('reprocess')
    .description('re-run the current extraction engine over stored documents (admin)')
    .option('--since <date>', 'only documents received since YYYY-MM-DD')
    .option('--force', 'also documents the current engine has already read')
    .option(
      '--url <url>',
      'ingestion service base URL',
      process.env.INGESTION_URL ?? 'http://127.0.0.1:3001',
    )
    .option('--token <jwt>', 'admin token (default $CT_TOKEN)', process.env.CT_TOKEN)
    .action((opts: { since?: string; force?: boolean; url: string; token?: string }) =>
      runReprocess({ ...opts, url: opts.url.replace(/\/+$/u, '') }, out),
    );
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    process.exitCode = undefined;
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (e.code?.startsWith('commander.')) return e.exitCode ?? 1;
    process.stderr.write(
      `commitments: ${err instanceof CliError ? err.message : (e.message ?? String(err))}\n`,
    );
    return 1;
  }
}

if (require.main === module) void main(process.argv).then((code) => (process.exitCode = code));
