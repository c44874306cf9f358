import type { CorpusRecord } from '../model/record.ts';
import type { ParsedQuery } from '../model/query.ts';
import type { RelatedEvent, SearchOptions, SearchPage } from '../model/search.ts';
import { buildPostings } from './build-postings.ts';
import { inColumnOrder, recordColumns } from './record-columns.ts';
import { CorpusIndex } from './search-index.ts';
import type { Searcher } from './searcher.ts';

/** How much of a live index is not yet folded into its base. */
export interface LiveIndexStats {
  baseRecords: number;
  deltaRecords: number;
  tombstones: number;
}

/** The changes since the base was built: what a compaction folds into a new base. */
export interface IndexChanges {
  /** Records added or replacing a base record, final (already merged across origins). */
  upserted: CorpusRecord[];
  /** Base ids hidden and not replaced. */
  removed: string[];
}

/**
 * A searcher that changes in place: a base index that never changes, plus the records added,
 * replaced or removed since. Answers exactly as a fresh index of the resulting records would.
 */
export interface LiveIndex extends Searcher {
  readonly base: CorpusIndex;
  /** Adds these records, or replaces the records of their ids. Records are final (merged). */
  upsert(records: readonly CorpusRecord[]): void;
  /** Removes the records of these ids; unknown ids are ignored. */
  remove(ids: readonly string[]): void;
  stats(): LiveIndexStats;
  changes(): IndexChanges;
}

/**
 * STAND-IN until the segmented index lands (issue 12): rebuilds a whole index of the live records on
 * the first query after a change. Correct, and fine for a small corpus; far too slow for the archive.
 */
export function liveIndex(base: CorpusIndex): LiveIndex {
  const changed = new Map<string, CorpusRecord | null>();
  let current: CorpusIndex = base;
  let dirty = false;
  const index = (): CorpusIndex => {
    if (!dirty) return current;
    const kept: CorpusRecord[] = [];
    for (let n = 0; n < base.size; n += 1) {
      const record = base.tables.record(n);
      if (!changed.has(record.id)) kept.push(record);
    }
    for (const record of changed.values()) if (record !== null) kept.push(record);
    const sorted = inColumnOrder(kept);
    current = new CorpusIndex(recordColumns(sorted), buildPostings(sorted), base.aliases);
    dirty = false;
    return current;
  };
  return {
    base,
    get size() {
      return index().size;
    },
    search: (query: ParsedQuery, options?: SearchOptions): SearchPage => index().search(query, options),
    related: (id: string, limit?: number): RelatedEvent[] => index().related(id, limit),
    get: (id: string) => index().get(id),
    suggest: (word: string, limit?: number) => index().suggest(word, limit),
    onThisDay: (month: number, day: number) => index().onThisDay(month, day),
    upsert(records) {
      for (const record of records) changed.set(record.id, record);
      dirty = true;
    },
    remove(ids) {
      for (const id of ids) if (changed.get(id) !== undefined || base.get(id) !== undefined) changed.set(id, null);
      dirty = true;
    },
    stats() {
      const removed = [...changed.values()].filter((record) => record === null).length;
      return { baseRecords: base.size, deltaRecords: changed.size - removed, tombstones: removed };
    },
    changes() {
      const upserted = [...changed.values()].filter((record): record is CorpusRecord => record !== null);
      const removed = [...changed.entries()].filter(([id, record]) => record === null && base.get(id) !== undefined).map(([id]) => id);
      return { upserted, removed };
    },
  };
}
