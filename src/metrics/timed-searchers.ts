import type { Metrics } from '../model/metrics.ts';
import type { Searcher } from '../search/searcher.ts';
import type { SearcherProvider } from '../slack/searcher-provider.ts';
import { queryKind } from './query-kind.ts';

/**
 * The same index, with each search and "did you mean" lookup timed into `metrics`. The wrapper is
 * made once per index (a reload brings a new one), not once per request.
 */
export function timedSearchers(
  searchers: SearcherProvider,
  metrics: Pick<Metrics, 'queryAnswered'>,
  now: () => number = () => performance.now(),
): SearcherProvider {
  // Weakly: a wrapper kept for the index before a compaction would keep that whole index (~150 MB) until the next query.
  const wrapped = new WeakMap<Searcher, Searcher>();
  const timed = (searcher: Searcher): Searcher => {
    const known = wrapped.get(searcher);
    if (known !== undefined) return known;
    const timedOne = timedSearcher(searcher, metrics, now);
    wrapped.set(searcher, timedOne);
    return timedOne;
  };
  return {
    current: () => {
      const searcher = searchers.current();
      return searcher === null ? null : timed(searcher);
    },
    whenReady: async () => timed(await searchers.whenReady()),
  };
}

function timedSearcher(searcher: Searcher, metrics: Pick<Metrics, 'queryAnswered'>, now: () => number): Searcher {
  return {
    get size() {
      return searcher.size;
    },
    search(query, options) {
      const started = now();
      const page = searcher.search(query, options);
      metrics.queryAnswered(queryKind(query), (now() - started) / 1000);
      return page;
    },
    suggest(word, limit) {
      const started = now();
      const words = searcher.suggest(word, limit);
      metrics.queryAnswered('did-you-mean', (now() - started) / 1000);
      return words;
    },
    related: (id, limit) => searcher.related(id, limit),
    get: (id) => searcher.get(id),
    onThisDay: (month, day) => searcher.onThisDay(month, day),
  };
}
