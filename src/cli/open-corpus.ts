import type { Config } from '../config/config.ts';
import { loadConfig } from '../config/load-config.ts';
import { openKnowledge, type Knowledge } from '../knowledge/open-knowledge.ts';
import { consoleLogger } from '../log/console-logger.ts';
import type { Logger } from '../model/logger.ts';
import type { CliContext } from './command.ts';

export interface CorpusCommandSetup {
  config: Config;
  /** Warnings and errors on stderr; only errors when the command was asked to be quiet. */
  logger: Logger;
  knowledge: Knowledge;
}

/**
 * How every command that answers from the index starts: the configuration, a logger on stderr, and
 * the index of the `--corpus` folders when given, otherwise the configured ones, through the snapshot cache.
 */
export async function openCorpus(
  context: CliContext,
  corpus: readonly string[] | null,
  { slack = false, quiet = false }: { slack?: boolean; quiet?: boolean } = {},
): Promise<CorpusCommandSetup> {
  const config = loadConfig(context.env, { slack });
  const logger = consoleLogger(quiet ? 'error' : config.logLevel === 'debug' ? 'debug' : 'warn');
  const dirs = corpus !== null && corpus.length > 0 ? corpus : config.corpusDirs;
  const knowledge = await openKnowledge(dirs, { cacheDir: config.cacheDir, logger });
  return { config, logger, knowledge };
}
