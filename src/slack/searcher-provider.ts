import type { Searcher } from '../search/searcher.ts';

/**
 * Where listeners get the index. `current()` is null while the corpus loads (cold start) so they can
 * answer "warming up" at once and finish when `whenReady()` resolves. A reload swaps in a new one.
 */
export interface SearcherProvider {
  current(): Searcher | null;
  whenReady(): Promise<Searcher>;
}

export interface SettableSearcherProvider extends SearcherProvider {
  set(searcher: Searcher): void;
}

export function searcherProvider(initial: Searcher | null = null): SettableSearcherProvider {
  let current = initial;
  let resolveReady: (searcher: Searcher) => void = () => {};
  let ready: Promise<Searcher> = initial === null ? new Promise((resolve) => (resolveReady = resolve)) : Promise.resolve(initial);
  return {
    current: () => current,
    whenReady: () => ready,
    set(searcher) {
      current = searcher;
      resolveReady(searcher);
      // The first promise, resolved with the first index, would otherwise stay reachable through its resolve function.
      resolveReady = () => {};
      ready = Promise.resolve(searcher);
    },
  };
}
