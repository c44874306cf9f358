import type { Searcher } from '../../src/search/searcher.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { createSearchIndex, type CorpusIndex } from '../../src/search/search-index.ts';
import { judge, readJudgedQueries, type JudgedQuery, type Judgement } from './judge.ts';
import type { RawEvent } from './raw-events.ts';

/** Relative dates in the judged queries (none today) are read against this moment. */
export const JUDGED_AT = new Date('2026-11-23T09:00:00Z');

/** The bundled corpus's editors' synonyms, which the bot loads with its default corpus. */
const EDITORS_SYNONYMS = new URL('../../corpus/synonyms.txt', import.meta.url).pathname;

/** The index the judged set is run against: the WCEP archive and the editors' synonyms, nothing else. */
export async function judgedIndex(wcep: string, synonyms: string = EDITORS_SYNONYMS): Promise<CorpusIndex> {
  const corpus = await loadCorpus([wcep, synonyms]);
  return createSearchIndex(corpus.records, corpus.synonyms);
}

/** The judged set against the bot's search, each query parsed as /kaesong would parse it. */
export function judgeSearcher(
  searcher: Searcher,
  events: readonly RawEvent[],
  queries: readonly JudgedQuery[] = readJudgedQueries(),
): Judgement {
  return judge(queries, events, (text) =>
    searcher
      .search(parseQuery(text, { now: JUDGED_AT }), { limit: 20, relatedLimit: 0 })
      .hits.map(({ record }) => ({ date: record.date, title: record.title })),
  );
}

/** One line per query and the means, for a terminal. */
export function formatJudgement(judgement: Judgement): string {
  const rows = judgement.queries.map(
    (q) => `${q.precisionAt10.toFixed(2)}  ${q.recallAt20.toFixed(2)}  ${String(q.relevant).padStart(5)}  ${q.kind.padEnd(9)} ${q.query}`,
  );
  return [
    'P@10  R@20  relev  kind      query',
    ...rows,
    `mean P@10 ${judgement.meanPrecisionAt10.toFixed(3)}, mean R@20 ${judgement.meanRecallAt20.toFixed(3)}`,
  ].join('\n');
}
