import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { FIELDS, miniSearchOptions, type RecordIndex } from './mini-search.ts';
import { TermPostings, type PostingArrays, type TermPostingsView } from './posting-lists.ts';

/** The MiniSearch release whose private state this file reads and writes; see README.md here before changing it. */
export const VERIFIED_MINISEARCH = '7.2.0';

/**
 * The parts of MiniSearch's private state that its own toJSON/loadJS read and write. Going through
 * them directly lets a snapshot skip building and parsing a 30 MB JSON tree, and lets the per-term and
 * per-record Maps be read-only views over typed arrays (posting-lists.ts): MiniSearch only ever calls
 * get, has, size and keys on them. Nothing in MiniSearch's public API promises this shape, so every
 * index is checked against it where it is made (restoreMiniSearch) and read (indexShape): a release
 * that renames a field fails there, by name, instead of scoring NaN.
 */
interface Internals {
  _index: TermIndex;
  _documentIds: RecordNumbers;
  _idToShortId: RecordNumbers;
  _fieldLength: RecordFieldLengths;
  _avgFieldLength: number[];
  _documentCount: number;
  _fieldIds: Record<string, number>;
}

/**
 * The term tree's part of MiniSearch's radix tree (SearchableMap) that search and word forms use: a
 * base index's own tree, or a live index's union of its base and delta trees.
 */
export interface TermIndex {
  get(term: string): TermPostingsView | undefined;
  has(term: string): boolean;
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermPostingsView, number]>;
  atPrefix(prefix: string): { keys(): Iterable<string>; fuzzyGet(term: string, maxDistance: number): Map<string, unknown> };
}

/** Record n's field lengths (distinct words), by field id. */
export interface RecordFieldLengths {
  get(n: number): Uint32Array;
}

export interface IndexShape {
  documentCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
}

const isMap = (value: unknown) => value instanceof Map;
const hasMethods =
  (...names: string[]) =>
  (value: unknown) =>
    typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

/** What each field must look like in an index MiniSearch made (before restoreMiniSearch swaps in its views). */
const SHAPE: Record<keyof Internals, (value: unknown) => boolean> = {
  _index: hasMethods('get', 'set', 'fuzzyGet', 'atPrefix'),
  _documentIds: isMap,
  _idToShortId: isMap,
  _fieldLength: isMap,
  _avgFieldLength: (value) => Array.isArray(value) && value.every(Number.isFinite),
  _documentCount: Number.isInteger,
  _fieldIds: (value) =>
    typeof value === 'object' && value !== null && FIELDS.every((field) => Number.isInteger((value as Record<string, unknown>)[field])),
};

/** The state of an index, after checking that the listed fields have the shape this file was written for. */
function checkedState(miniSearch: RecordIndex, fields: readonly (keyof Internals)[]): Internals {
  const state = miniSearch as unknown as Record<keyof Internals, unknown>;
  const unlike = fields.filter((field) => !SHAPE[field](state[field]));
  if (unlike.length > 0) {
    throw new Error(
      `MiniSearch's private state is not what src/search/ was verified with (minisearch ${VERIFIED_MINISEARCH}): ` +
        `${unlike.join(', ')} missing or changed. ` +
        `Install minisearch ${VERIFIED_MINISEARCH}, or see "Upgrading MiniSearch" in src/search/README.md.`,
    );
  }
  return state as unknown as Internals;
}

/** Every index in use was checked when it was made (restoreMiniSearch); the reads on the hot path are not. */
function internals(miniSearch: RecordIndex): Internals {
  return miniSearch as unknown as Internals;
}

export function indexShape(miniSearch: RecordIndex): IndexShape {
  const state = checkedState(miniSearch, ['_documentCount', '_fieldIds', '_avgFieldLength']);
  return { documentCount: state._documentCount, fieldIds: state._fieldIds, averageFieldLength: state._avgFieldLength };
}

/** An index's term tree (see TermIndex). */
export function termIndexOf(miniSearch: RecordIndex): TermIndex {
  return internals(miniSearch)._index;
}

/** A term's postings by field, or undefined when the index does not have it. */
export function postingsOf(miniSearch: RecordIndex, term: string): TermPostingsView | undefined {
  return internals(miniSearch)._index.get(term);
}

/** How often a term is indexed: its postings over all fields (0 when it is not in the index). */
export function postingCount(miniSearch: RecordIndex, term: string): number {
  const postings = internals(miniSearch)._index.get(term);
  if (postings === undefined) return 0;
  let count = 0;
  for (const docs of postings.lists()) count += docs.size;
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

/** Index terms `prefix` + x where x is within `maxDistance` edits of `rest`: a fuzzy search of one branch of the tree. */
export function termsNearAfter(miniSearch: RecordIndex, prefix: string, rest: string, maxDistance: number): string[] {
  try {
    return [...internals(miniSearch)._index.atPrefix(prefix).fuzzyGet(rest, maxDistance).keys()].map((suffix) => prefix + suffix);
  } catch {
    return []; // No term starts with the prefix: MiniSearch has no branch to search.
  }
}

/** Record n's field lengths (distinct words), by field id. */
export function fieldLengthOf(miniSearch: RecordIndex, n: number): Uint32Array {
  return internals(miniSearch)._fieldLength.get(n);
}

/** Reads record n's length of one field (0 when unknown): straight from the flat array of an index restored here. */
export function fieldLengthReader(miniSearch: RecordIndex): (n: number, fieldId: number) => number {
  const fieldLengths = internals(miniSearch)._fieldLength;
  if (fieldLengths instanceof FieldLengths) {
    const { lengths, fields } = fieldLengths;
    return (n, fieldId) => lengths[n * fields + fieldId] ?? 0;
  }
  return (n, fieldId) => fieldLengths.get(n)[fieldId] ?? 0;
}

/** An index holding exactly the given postings, as if its records 0..count-1 had been added. */
export function restoreMiniSearch(
  shape: IndexShape,
  flags: Uint8Array,
  fieldLengths: Uint32Array,
  terms: readonly string[],
  postings: PostingArrays,
  /** The tree of terms when already made (restoreTermTree), else made here. */
  tree: TermTree = runToEnd(restoreTermTree(terms, postings)),
): RecordIndex {
  return indexOver(shape, flags, new FieldLengths(fieldLengths, FIELDS.length), tree);
}

export type TermTree = SearchableMap<TermPostings>;

/**
 * ~10 ms each on the archive's 95,000 terms, quiet: 10,000 a step took 40 ms quiet but 100-280 ms with the
 * collections a compaction's swap brings (load 3-4), each a wait for a slash ack.
 */
const TERMS_PER_STEP = 2_500;

/** The tree of terms restoreMiniSearch searches, made in steps a caller may pause between (yields). */
export function* restoreTermTree(terms: readonly string[], postings: PostingArrays): Generator<void, TermTree> {
  const tree = new SearchableMap<TermPostings>();
  for (let t = 0; t < terms.length; t += 1) {
    tree.set(terms[t]!, new TermPostings(postings, t));
    if ((t + 1) % TERMS_PER_STEP === 0) yield;
  }
  return tree;
}

/** Runs steps made to be paused between without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * An index of records 0 … count - 1 whose terms, postings and field lengths are the given views: a
 * live index's base and delta seen as one, with statistics (the shape) over both.
 */
export function indexOver(shape: IndexShape, flags: Uint8Array, fieldLengths: RecordFieldLengths, index: TermIndex): RecordIndex {
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
  const state = checkedState(miniSearch, Object.keys(SHAPE) as (keyof Internals)[]);
  if (Object.keys(state._fieldIds).length !== FIELDS.length) throw new Error('index snapshot: fields differ from this version');
  state._documentIds = state._idToShortId = new RecordNumbers(shape.documentCount);
  state._fieldLength = fieldLengths;
  state._index = index;
  return miniSearch;
}

/** Records are their own ids (0 … count - 1): MiniSearch's id Maps as arithmetic. */
class RecordNumbers {
  constructor(readonly size: number) {}

  has(n: unknown): boolean {
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < this.size;
  }

  get(n: unknown): number | undefined {
    return this.has(n) ? (n as number) : undefined;
  }

  *[Symbol.iterator](): IterableIterator<[number, number]> {
    for (let n = 0; n < this.size; n += 1) yield [n, n];
  }
}

/** MiniSearch's per-record field lengths, as views into one array. */
class FieldLengths implements RecordFieldLengths {
  constructor(
    readonly lengths: Uint32Array,
    readonly fields: number,
  ) {}

  get(n: number): Uint32Array {
    return this.lengths.subarray(n * this.fields, (n + 1) * this.fields);
  }
}
