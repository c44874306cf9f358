import type { CorpusRecord } from '../model/record.ts';
import type { ParsedQuery } from '../model/query.ts';
import type { RelatedEvent, SearchOptions, SearchPage } from '../model/search.ts';
import { AliasTable, mergeAliases } from './aliases.ts';
import { BaseTombstones } from './base-tombstones.ts';
import { DeltaSegment } from './delta-segment.ts';
import { IndexSearcher } from './index-searcher.ts';
import { LiveTerms } from './live-postings.ts';
import { LiveTables, NumberingBuffers } from './live-tables.ts';
import { recordTermsOf } from './record-terms.ts';
import { FIELDS } from './mini-search.ts';
import { indexOver } from './mini-search-internals.ts';
import { AcronymTally } from './mine-aliases.ts';
import type { CorpusIndex } from './search-index.ts';
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
 * A base index and a delta segment searched as one (see README.md here: segments, tombstones, global
 * statistics). A change costs about the words of the records changed; the first query after it
 * numbers the live records afresh (a merge of two sorted runs, a few typed-array passes over the
 * base) and merges the posting lists it reads. Answers are exactly those of a fresh index of the
 * live records, BM25 statistics, typo corrections, acronyms and related events included.
 */
export function liveIndex(base: CorpusIndex): LiveIndex {
  const delta = new DeltaSegment();
  const hidden = new BaseTombstones(base);
  const acronyms = new AcronymTally(base.aliasSources.acronyms);
  // Merging aliases takes tens of ms on the archive: done again only when the mined pairs differ.
  let acronymPairs = acronyms.pairs();
  let aliasTable = new AliasTable(base.aliases);
  let acronymsCounted = false;
  let current: Searcher = base;
  let stale = false;
  const baseLengthTotals = lengthTotals(base);
  const buffers = new NumberingBuffers();

  const view = (): Searcher => {
    if (!stale) return current;
    if (acronymsCounted) {
      const pairs = acronyms.pairs();
      if (!samePairs(pairs, acronymPairs)) aliasTable = new AliasTable(mergeAliases(base.aliasSources.synonyms, pairs));
      acronymPairs = pairs;
      acronymsCounted = false;
    }
    current = liveSearcher(base, hidden, delta, aliasTable, baseLengthTotals(), buffers);
    stale = false;
    return current;
  };
  const count = (record: CorpusRecord, sign: 1 | -1) => {
    if (acronyms.count(record, sign)) acronymsCounted = true;
  };
  /** Takes these ids out of the delta; true when one was there. */
  const leaveDelta = (ids: readonly string[]) => {
    let left = false;
    for (const id of ids) {
      const inDelta = delta.remove(id);
      if (inDelta === undefined) continue;
      count(inDelta.record, -1);
      left = true;
    }
    return left;
  };
  /** Hides the base records of these ids in one batch (see BaseTombstones.hide); true when one was hidden now. */
  const hideInBase = (ids: readonly string[]) => {
    const numbers: number[] = [];
    for (const id of ids) {
      const n = base.tables.numberOf(id);
      if (n !== undefined) numbers.push(n);
    }
    const records = hidden.hide(numbers);
    for (const record of records) count(record, -1);
    return records.length > 0;
  };

  return {
    base,
    get size() {
      return view().size;
    },
    search: (query: ParsedQuery, options?: SearchOptions): SearchPage => view().search(query, options),
    related: (id: string, limit?: number): RelatedEvent[] => view().related(id, limit),
    get: (id: string) => view().get(id),
    suggest: (word: string, limit?: number) => view().suggest(word, limit),
    onThisDay: (month: number, day: number) => view().onThisDay(month, day),
    upsert(records) {
      const terms = recordTermsOf(records);
      // A base record replaced is hidden once; a delta record replaced (even within `records`) is taken out as the next comes in.
      hideInBase(records.map((record) => record.id));
      records.forEach((record, i) => {
        leaveDelta([record.id]);
        count(delta.add(record, terms[i]).record, 1);
      });
      if (records.length > 0) stale = true;
    },
    remove(ids) {
      // Out of the delta first: an id there has its base record (if any) hidden already.
      const left = leaveDelta(ids);
      if (hideInBase(ids) || left) stale = true;
    },
    stats() {
      return { baseRecords: base.size, deltaRecords: delta.size, tombstones: hidden.count };
    },
    changes() {
      const upserted = [...delta.records.values()].map((record) => record.record);
      const removed: string[] = [];
      // Only hidden records' ids are read: after a start from a snapshot, each is a read from its file.
      for (const n of hidden.numbers()) {
        const id = base.tables.idOf(n);
        if (!delta.records.has(id)) removed.push(id);
      }
      return { upserted, removed };
    },
  };
}

/** The searcher over the live records as they are now. */
function liveSearcher(
  base: CorpusIndex,
  hidden: BaseTombstones,
  delta: DeltaSegment,
  aliases: AliasTable,
  baseLengths: number[],
  buffers: NumberingBuffers,
): Searcher {
  if (hidden.count === 0 && delta.size === 0) return base;
  const tables = new LiveTables(base, hidden, delta, buffers);
  const terms = new LiveTerms(base.miniSearch, hidden, delta, tables);
  const count = Math.max(tables.count, 1);
  const shape = {
    documentCount: tables.count,
    fieldIds: base.postings.shape.fieldIds,
    averageFieldLength: baseLengths.map((total, fieldId) => (total - hidden.lengthTotals[fieldId]! + delta.lengthTotals[fieldId]!) / count),
  };
  const fieldLengths = {
    get: (n: number) => {
      const source = tables.sourceOf(n);
      return typeof source === 'number'
        ? base.postings.fieldLengths.subarray(source * FIELDS.length, (source + 1) * FIELDS.length)
        : source.fieldLengths;
    },
  };
  const miniSearch = indexOver(shape, tables.flagColumn, fieldLengths, terms);
  return new IndexSearcher(tables, miniSearch, aliases, tables.flagColumn);
}

/** The base's total field lengths per field (what its average field lengths were computed from), summed once when first needed. */
function lengthTotals(base: CorpusIndex): () => number[] {
  let totals: number[] | null = null;
  return () => {
    if (totals === null) {
      const { fieldLengths } = base.postings;
      totals = new Array<number>(FIELDS.length).fill(0);
      for (let i = 0; i < fieldLengths.length; i += 1) totals[i % FIELDS.length]! += fieldLengths[i]!;
    }
    return totals;
  };
}

function samePairs(a: readonly [string, string][], b: readonly [string, string][]): boolean {
  return a.length === b.length && a.every(([acronym, name], i) => acronym === b[i]![0] && name === b[i]![1]);
}
