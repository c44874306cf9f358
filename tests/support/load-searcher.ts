import { openKnowledge } from '../../src/knowledge/open-knowledge.ts';
import type { Logger } from '../../src/model/logger.ts';
import type { Searcher } from '../../src/search/searcher.ts';

/** Loads the corpus and builds the index, without a snapshot; corpus problems are warnings, never fatal. */
export async function loadSearcher(dirs: readonly string[], logger: Logger): Promise<Searcher> {
  return (await openKnowledge(dirs, { cacheDir: null, logger })).index;
}
