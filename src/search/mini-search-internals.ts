import MiniSearch from 'minisearch';
import { FIELDS, miniSearchOptions, type RecordIndex } from './mini-search.ts';

/** term → field id → record number → term frequency: MiniSearch's own posting lists. */
export type Postings = Map<number, Map<number, number>>;

/**
 * The parts of MiniSearch 7.2's private state that its own toJSON/loadJS read and write. Going
 * through them directly lets a snapshot skip building and parsing a 30 MB JSON tree: loading
 * becomes filling Maps from typed arrays. package.json pins minisearch to ~7.2 for this reason,
 * and tests/search/index-snapshot.test.ts checks that a loaded index answers like a built one.
 */
interface Internals {
  _index: {
    set(term: string, postings: Postings): unknown;
    get(term: string): Postings | undefined;
    fuzzyGet(term: string, maxDistance: number): Map<string, [Postings, number]>;
    atPrefix(prefix: string): { keys(): Iterable<string> };
    [Symbol.iterator](): Iterator<[string, Postings]>;
  };
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _dirtCount: number;
}

export interface IndexShape {
  documentCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
}

function internals(miniSearch: RecordIndex): Internals {
  return miniSearch as unknown as Internals;
}

export function indexShape(miniSearch: RecordIndex): IndexShape {
  const state = internals(miniSearch);
  if (state._dirtCount !== 0 || state._nextId !== state._documentCount) throw new Error('index snapshot: the index has removed documents');
  for (const [shortId, id] of state._documentIds) {
    if (shortId !== id) throw new Error(`index snapshot: document ${String(id)} has short id ${shortId}`);
  }
  return { documentCount: state._documentCount, fieldIds: state._fieldIds, averageFieldLength: state._avgFieldLength };
}

export function eachTerm(miniSearch: RecordIndex): Iterable<[string, Postings]> {
  return { [Symbol.iterator]: () => internals(miniSearch)._index[Symbol.iterator]() };
}

/** A term's postings by field, or undefined when the index does not have it. */
export function postingsOf(miniSearch: RecordIndex, term: string): Postings | undefined {
  return internals(miniSearch)._index.get(term);
}

/** Records having a term in any of the named fields. */
export function recordsWithTerm(miniSearch: RecordIndex, term: string, fields: readonly string[]): Set<number> {
  const state = internals(miniSearch);
  const records = new Set<number>();
  const postings = state._index.get(term);
  if (postings === undefined) return records;
  for (const field of fields) {
    const docs = postings.get(state._fieldIds[field]!);
    if (docs !== undefined) for (const n of docs.keys()) records.add(n);
  }
  return records;
}

/** How often a term is indexed: its postings over all fields (0 when it is not in the index). */
export function postingCount(miniSearch: RecordIndex, term: string): number {
  const postings = internals(miniSearch)._index.get(term);
  if (postings === undefined) return 0;
  let count = 0;
  for (const docs of postings.values()) count += docs.size;
  return count;
}

/** Index terms that start with `prefix`, itself included. */
export function termsStartingWith(miniSearch: RecordIndex, prefix: string): string[] {
  return [...internals(miniSearch)._index.atPrefix(prefix).keys()];
}

/** Index terms within `maxDistance` edits (Levenshtein) of `term`. */
export function termsNear(miniSearch: RecordIndex, term: string, maxDistance: number): string[] {
  return [...internals(miniSearch)._index.fuzzyGet(term, maxDistance).keys()];
}

export function fieldLengthOf(miniSearch: RecordIndex, n: number): number[] {
  return internals(miniSearch)._fieldLength.get(n) ?? [];
}

/** An index holding exactly the given postings, as if its documents 0..count-1 had been added. */
export function restoreMiniSearch(
  shape: IndexShape,
  flags: Uint8Array,
  fieldLengths: (n: number) => number[],
  terms: Iterable<[string, Postings]>,
): RecordIndex {
  const miniSearch = MiniSearch.loadJS(
    {
      documentCount: shape.documentCount,
      nextId: shape.documentCount,
      documentIds: {},
      fieldIds: shape.fieldIds,
      fieldLength: {},
      averageFieldLength: shape.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    miniSearchOptions(flags),
  ) as RecordIndex;
  const state = internals(miniSearch);
  if (Object.keys(state._fieldIds).length !== FIELDS.length) throw new Error('index snapshot: fields differ from this version');
  for (let n = 0; n < shape.documentCount; n += 1) {
    state._documentIds.set(n, n);
    state._idToShortId.set(n, n);
    state._fieldLength.set(n, fieldLengths(n));
  }
  for (const [term, postings] of terms) state._index.set(term, postings);
  return miniSearch;
}
