import 'dotenv/config';
import type { CliCommand, CliContext } from './command.ts';
import { UsageError } from './command.ts';
import { ConfigError } from '../config/config.ts';
import { searchCommand } from './commands/search.ts';
import { relatedCommand } from './commands/related.ts';
import { digestRunCommand } from './commands/digest-run.ts';
import { digestPreviewCommand } from './commands/digest-preview.ts';
import { corpusCheckCommand } from './commands/corpus-check.ts';
import { importWcepCommand } from './commands/import-wcep.ts';
import { importJsonlCommand } from './commands/import-jsonl.ts';
import { exportJsonlCommand } from './commands/export-jsonl.ts';
import { askCommand } from './commands/ask.ts';

const commands: CliCommand[] = [askCommand, searchCommand, relatedCommand, corpusCheckCommand, importWcepCommand, importJsonlCommand, exportJsonlCommand, digestRunCommand, digestPreviewCommand];

function usage(): string {
  const lines = commands.map((command) => `  kaesong ${command.usage}\n      ${command.summary}`);
  return ['Usage:', ...lines].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const context: CliContext = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    interactive: process.stderr.isTTY === true,
  };
  const command = commands
    .filter((candidate) => candidate.path.every((word, i) => argv[i] === word))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (command === undefined) {
    context.err(usage());
    return argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' ? 0 : 2;
  }
  try {
    return await command.run(argv.slice(command.path.length), context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.err(`${error.message}\nUsage: kaesong ${command.usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      context.err(error.message);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
