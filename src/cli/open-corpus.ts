import type { Config } from '../config/config.ts';
import { openKnowledge, type Knowledge } from '../knowledge/open-knowledge.ts';
import type { Logger } from '../model/logger.ts';

/** The index a command answers from: the `--corpus` folders when given, otherwise the configured ones, through the snapshot cache. */
export function openCorpus(config: Config, corpus: readonly string[] | null, logger: Logger): Promise<Knowledge> {
  return openKnowledge(corpus !== null && corpus.length > 0 ? corpus : config.corpusDirs, { cacheDir: config.cacheDir, logger });
}
