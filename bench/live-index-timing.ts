import type { ParsedQuery } from '../src/model/query.ts';
import type { CorpusRecord } from '../src/model/record.ts';
import { liveIndex } from '../src/search/live-index.ts';
import type { CorpusIndex } from '../src/search/search-index.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

const ADDITIONS = 1_000;
const CHECKPOINTS = [1, 100, 1_000];
const QUERY_ROUNDS = 30;
const RELATED_SAMPLE = 200;
/** As the bench times queries: the hits alone (related events are timed on their own). */
const OPTIONS = { limit: 5, relatedLimit: 0 };

export interface LiveIndexTiming {
  /** Upsert of one new record, then the first query (which renumbers and merges what it reads), at the 1st, 100th, 1000th addition. */
  addThenQueryMs: Record<number, { upsertMs: number; firstQueryMs: number }>;
  /** Over all the additions. */
  upsert: Percentiles;
  firstQuery: Percentiles;
  /** The bench queries once the 1,000 additions are in (no change between queries), and on the base alone. */
  queriesAfter: Percentiles;
  queriesOnBase: Percentiles;
  /** Related events of records spread over the archive, once the additions are in (uncached). */
  relatedAfter: Percentiles;
  /** Replacing and removing one base record, each followed by a query. */
  replaceThenQueryMs: number;
  removeThenQueryMs: number;
}

/**
 * The live index on the archive: 1,000 single-record additions (records like the archive's, under
 * new ids, spread over its dates), a query after each, then the bench queries over the result.
 */
export function measureLiveIndex(base: CorpusIndex, queries: readonly ParsedQuery[]): LiveIndexTiming {
  const live = liveIndex(base);
  const step = Math.floor(base.size / ADDITIONS);
  const upserts: number[] = [];
  const firstQueries: number[] = [];
  const addThenQueryMs: LiveIndexTiming['addThenQueryMs'] = {};
  for (let i = 0; i < ADDITIONS; i += 1) {
    const like = base.tables.record(i * step);
    const added: CorpusRecord = { ...like, id: `${like.id}-live-${i}`, title: `${like.title} Update ${i}.` };
    const started = performance.now();
    live.upsert([added]);
    const upserted = performance.now();
    live.search(queries[i % queries.length]!, OPTIONS);
    const queried = performance.now();
    upserts.push(upserted - started);
    firstQueries.push(queried - upserted);
    if (CHECKPOINTS.includes(i + 1)) addThenQueryMs[i + 1] = { upsertMs: upserted - started, firstQueryMs: queried - upserted };
  }
  const timeChange = (change: () => void) => {
    const started = performance.now();
    change();
    live.search(queries[0]!, OPTIONS);
    return performance.now() - started;
  };
  const relatedIds = Array.from({ length: RELATED_SAMPLE }, (_, i) =>
    base.tables.idOf(Math.floor(((i + 0.5) * base.size) / RELATED_SAMPLE)),
  );
  const replaced = base.tables.record(Math.floor(base.size / 2));
  return {
    addThenQueryMs,
    upsert: percentiles(upserts),
    firstQuery: percentiles(firstQueries),
    queriesAfter: timeQueries((query) => live.search(query, OPTIONS), queries),
    queriesOnBase: timeQueries((query) => base.search(query, OPTIONS), queries),
    relatedAfter: timeQueries((id) => live.related(id, 3), relatedIds, 1),
    replaceThenQueryMs: timeChange(() => live.upsert([{ ...replaced, title: `${replaced.title} Corrected.` }])),
    removeThenQueryMs: timeChange(() => live.remove([base.tables.idOf(Math.floor(base.size / 3))])),
  };
}

/** Each call timed on its own after a warm-up round, as bench/run.ts times queries. */
function timeQueries<T>(run: (item: T) => unknown, items: readonly T[], rounds = QUERY_ROUNDS): Percentiles {
  if (rounds > 1) for (const item of items) run(item);
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const item of items) {
      const started = performance.now();
      run(item);
      times.push(performance.now() - started);
    }
  }
  return percentiles(times);
}
