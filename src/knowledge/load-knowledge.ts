import type { Logger } from '../model/logger.ts';
import type { CorpusProblem } from '../model/record.ts';
import { loadCorpus } from '../corpus/load-corpus.ts';
import { createSearchIndex, type CorpusIndex } from '../search/search-index.ts';

export interface Knowledge {
  index: CorpusIndex;
  problems: CorpusProblem[];
  files: number;
}

/** Reads the corpus folders and builds the index. Problems are logged as warnings, never fatal. */
export async function loadKnowledge(corpusDirs: string[], logger: Logger): Promise<Knowledge> {
  const { records, problems, files } = await loadCorpus(corpusDirs);
  for (const problem of problems) logger.warn(`${problem.file}:${problem.line}: ${problem.reason}`);
  const index = createSearchIndex(records);
  logger.info(`corpus: ${index.size} records from ${files} files (${problems.length} problems)`);
  return { index, problems, files };
}
