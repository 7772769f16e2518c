import { Command } from 'commander';
import { CliError, runExtract } from './extract.command';

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
    .argument('<file>', 'UTF-8 text file')
    .option(
      '--published <date>',
      'publication date YYYY-MM-DD, the reference for relative deadlines',
    )
    .option('--language <code>', 'ISO 639-1 language code (detected when omitted)')
    .option('--json', 'print {"items": [...]} as JSON')
    .action((file: string, opts: { published?: string; language?: string; json?: boolean }) =>
      runExtract(file, opts, out),
    );
  return program;
}

export function main(argv: string[]): number {
  try {
    buildProgram().parse(argv);
    return 0;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (e.code?.startsWith('commander.')) return e.exitCode ?? 1;
    process.stderr.write(
      `commitments: ${err instanceof CliError ? err.message : (e.message ?? String(err))}\n`,
    );
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv);
