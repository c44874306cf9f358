import type { CliCommand, CliContext } from './command.ts';
import { UsageError } from './command.ts';
import { ConfigError } from '../config/config.ts';
import { asksForHelp } from './parse-options.ts';
import { searchCommand } from './commands/search.ts';
import { relatedCommand } from './commands/related.ts';
import { digestRunCommand } from './commands/digest-run.ts';
import { digestPreviewCommand } from './commands/digest-preview.ts';
import { corpusCheckCommand } from './commands/corpus-check.ts';
import { importWcepCommand } from './commands/import-wcep.ts';
import { importJsonlCommand } from './commands/import-jsonl.ts';
import { exportJsonlCommand } from './commands/export-jsonl.ts';
import { askCommand } from './commands/ask.ts';
import { deskExportCommand, deskListCommand, deskRemoveCommand, deskShowCommand } from './commands/desk.ts';

export const COMMANDS: readonly CliCommand[] = [
  askCommand,
  searchCommand,
  relatedCommand,
  corpusCheckCommand,
  importWcepCommand,
  importJsonlCommand,
  exportJsonlCommand,
  digestRunCommand,
  digestPreviewCommand,
  deskListCommand,
  deskShowCommand,
  deskRemoveCommand,
  deskExportCommand,
];

function commandHelp(command: CliCommand): string {
  return `  kaesong ${command.usage}\n      ${command.summary}`;
}

function overallHelp(): string {
  return ['Usage:', ...COMMANDS.map(commandHelp), '', 'kaesong <command> --help shows one command.'].join('\n');
}

/**
 * Runs `kaesong <command> [args]` and returns the exit code: help on stdout (0), a wrong command,
 * option or argument as one line and the usage on stderr (2). Other failures are thrown.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const command = COMMANDS.filter((candidate) => candidate.path.every((word, i) => argv[i] === word)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  if (command === undefined) {
    if (argv.length === 0 || argv[0] === 'help' || asksForHelp(argv)) {
      context.out(overallHelp());
      return 0;
    }
    context.err(`kaesong: unknown command "${argv.join(' ')}"\n${overallHelp()}`);
    return 2;
  }
  const args = argv.slice(command.path.length);
  if (asksForHelp(args)) {
    context.out(`Usage:\n${commandHelp(command)}`);
    return 0;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.err(`kaesong ${command.path.join(' ')}: ${error.message}\nUsage: kaesong ${command.usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      context.err(error.message);
      return 2;
    }
    throw error;
  }
}
