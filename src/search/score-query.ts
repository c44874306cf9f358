import { FIELD_BOOSTS, type RecordIndex } from './mini-search.ts';
import { fieldLengthReader, indexShape, postingsOf } from './mini-search-internals.ts';
import type { RecordSpan } from './record-tables.ts';
import { unionOfSorted, type FieldPostingsView, type TermPostingsView } from './posting-lists.ts';
import { commonPositions, gallop, lowerBound } from './sorted-lists.ts';
import { TopRecords } from './top-records.ts';

/** One index word a query word stands for, with its weight (the word as typed 1, its other forms less). */
interface WeightedTerm {
  term: string;
  weight: number;
}

/** The index words one word may match: a record matches the word when it has any of them. */
export type WordGroup = WeightedTerm[];

/**
 * One word of the query as ranking counts it: matched when any of its names is. A name is one word
 * ("kaesong") or several that must all be there ("world health organization" for WHO).
 */
export interface QueryWord {
  names: WordGroup[][];
  /** A phrase's word: every record shown has it. A free word may be missing from a partial match. */
  required: boolean;
}

/** The usual query word: one name of one word. */
export function singleWord(group: WordGroup, required = false): QueryWord {
  return { names: [[group]], required };
}

const EVERY_RECORD: RecordSpan = { start: 0, end: 2 ** 32 };
/** Below this many records with every word, the page is filled with records having most of them. */
const FILL_BELOW = 50;

export interface ScoredRecord {
  n: number;
  score: number;
  /** Has every word; otherwise a partial match, ranked after all of those. */
  allWords: boolean;
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * Ranks records candidate-first: the rarest word lists the candidates, `accept` (date, phrases,
 * excludes) and the other words prune them, and only the few left are scored. MiniSearch's own
 * search scores every posting of every word before combining, so a query with one common word
 * ("north") paid for thousands of records it then threw away.
 *
 * Records with every word come first, scored exactly as MiniSearch scores the same AND query (BM25+
 * per field, field boosts, term weights, the document boost, times the number of distinct index
 * words matched). When fewer than FILL_BELOW have every word, records with most of them follow:
 * those whose words carry at least half the query's weight, a word weighing its IDF squared (as
 * Lucene's classic similarity does), so one rare name outweighs two common words ("ftx collapse",
 * "kaesong industrial park"), best coverage first.
 */
export class QueryScorer {
  private readonly fieldIds: [fieldId: number, boost: number][];
  private readonly averageLength: number[];
  private readonly documentCount: number;

  constructor(
    private readonly miniSearch: RecordIndex,
    private readonly documentBoost: (n: number) => number,
  ) {
    const shape = indexShape(miniSearch);
    this.fieldIds = Object.entries(FIELD_BOOSTS).map(([field, boost]) => [shape.fieldIds[field]!, boost]);
    this.averageLength = shape.averageFieldLength;
    this.documentCount = shape.documentCount;
  }

  /** Records `accept` keeps, within `span` (a date range is a slice of every posting list), best first. */
  rank(words: QueryWord[], accept: (n: number) => boolean, span: RecordSpan = EVERY_RECORD): ScoredRecord[] {
    return this.rankTop(words, accept, Number.POSITIVE_INFINITY, span).top;
  }

  /**
   * The first `count` of what rank gives, and how many it gives: every match is counted and scored,
   * but only `count` are kept (a bounded heap), so a common word over a long period costs a pass over
   * its postings, not an object per match and a sort of them all.
   */
  rankTop(
    words: QueryWord[],
    accept: (n: number) => boolean,
    count: number,
    span: RecordSpan = EVERY_RECORD,
  ): { top: ScoredRecord[]; total: number } {
    const { resolved, counterCount } = this.resolve(words);
    const all = this.allOf(resolved, accept, span);
    const scores = this.scoresOf(resolved, counterCount, all);
    const best = new TopRecords(Math.min(count, all.length));
    for (let i = 0; i < all.length; i += 1) best.offer(all[i]!, scores[i]!);
    const ranked = best.sorted().map(({ n, score }) => ({ n, score, allWords: true }));
    if (all.length >= FILL_BELOW || words.length < 2) return { top: ranked, total: all.length };
    const found = this.mostOf(resolved, accept, span, new Set(all));
    const partialScores = this.scoresOf(
      resolved,
      counterCount,
      Uint32Array.from(found, ({ n }) => n),
    );
    const partial = found.map(({ n, coverage }, i) => ({ n, coverage, score: partialScores[i]! }));
    partial.sort((a, b) => b.coverage - a.coverage || byScore(a, b));
    const rest = partial.slice(0, Math.max(0, count - ranked.length)).map(({ n, score }) => ({ n, score, allWords: false }));
    return { top: [...ranked, ...rest], total: all.length + partial.length };
  }

  /** The index words of `words` that record n has, sorted. */
  matchedTerms(words: QueryWord[], n: number): string[] {
    const terms = words
      .flatMap((word) => word.names.flat(2))
      .map(({ term }) => term)
      .filter((term) => has(postingsOf(this.miniSearch, term), n));
    return [...new Set(terms)].sort();
  }

  /** Whether a record has any of the terms: their postings looked up once, then a binary search per record (any order). */
  hasAnyOf(terms: readonly string[]): (n: number) => boolean {
    const postings = terms.flatMap((term) => postingsOf(this.miniSearch, term) ?? []);
    return (n) => postings.some((termPostings) => has(termPostings, n));
  }

  /** The records with every word, ascending. */
  private allOf(words: ResolvedWord[], accept: (n: number) => boolean, span: RecordSpan): Uint32Array {
    if (words.length === 0) return new Uint32Array(0);
    const [rarest, ...others] = [...words].sort((a, b) => sizeOf(a, span) - sizeOf(b, span)) as [ResolvedWord, ...ResolvedWord[]];
    const docs = docsOfWord(rarest, span);
    const hasOthers = others.map((word) => wordTest(word, span));
    const candidates = new Uint32Array(docs.length);
    let length = 0;
    for (const n of docs) {
      if (hasOthers.every((has) => has(n)) && accept(n)) candidates[length++] = n;
    }
    return candidates.subarray(0, length);
  }

  /**
   * Records with free words weighing at least half the query's free words (unknown words weigh
   * nothing: the corpus cannot say anything about them) and every required word. A record with
   * too little weight from the heaviest words cannot get there, so only the heaviest words'
   * records are looked at: words are taken heaviest first until the rest weigh less than half.
   */
  private mostOf(
    words: ResolvedWord[],
    accept: (n: number) => boolean,
    span: RecordSpan,
    exclude: ReadonlySet<number>,
  ): { n: number; coverage: number }[] {
    const free = words.filter((word) => !word.required && word.weight > 0).sort((a, b) => b.weight - a.weight);
    const required = words.filter((word) => word.required);
    const total = free.reduce((sum, word) => sum + word.weight, 0);
    if (total === 0) return [];
    const needed = total / 2;
    const leading: ResolvedWord[] = [];
    let rest = total;
    for (const word of free) {
      if (rest < needed) break;
      leading.push(word);
      rest -= word.weight;
    }
    const candidates = unionOfSorted(leading.map((word) => docsOfWord(word, span)));
    const hasFree = free.map((word) => wordTest(word, span));
    const hasRequired = required.map((word) => wordTest(word, span));
    const found: { n: number; coverage: number }[] = [];
    for (const n of candidates) {
      if (exclude.has(n)) continue;
      let weight = 0;
      for (let i = 0; i < free.length; i += 1) if (hasFree[i]!(n)) weight += free[i]!.weight;
      if (weight >= needed && hasRequired.every((has) => has(n)) && accept(n)) found.push({ n, coverage: weight / total });
    }
    return found;
  }

  /**
   * Each term's postings, and per field its list with what BM25 needs of it, looked up once per query.
   * Counters say what counts as one matched word: each distinct index word of a one-word name (as
   * MiniSearch counts), and each name of several words once, its words' scores averaged.
   */
  private resolve(words: QueryWord[]): { resolved: ResolvedWord[]; counterCount: number } {
    const termCounter = new Map<string, number>();
    let counters = 0;
    const resolveTerm = ({ term, weight }: WeightedTerm, share: number, counter: number | null): ResolvedTerm => {
      const postings = postingsOf(this.miniSearch, term);
      if (counter === null) {
        if (!termCounter.has(term)) termCounter.set(term, counters++);
        counter = termCounter.get(term)!;
      }
      const fields = this.fieldIds.flatMap(([fieldId, boost]) => {
        const docs = postings?.get(fieldId);
        return docs === undefined ? [] : [{ docs, boost, fieldId, inverseFrequency: inverseFrequency(docs.size, this.documentCount) }];
      });
      return { term, counter, weight: weight * share, postings, fields };
    };
    const resolved = words.map((word): ResolvedWord => {
      const names = word.names
        .map((name) => {
          const counter = name.length > 1 ? counters++ : null;
          return name.map((group) => group.map((term) => resolveTerm(term, 1 / name.length, counter)));
        })
        .filter((name) => name.length > 0 && name.every((group) => group.some(({ postings }) => postings !== undefined)));
      const records = Math.min(
        this.documentCount,
        names.reduce((sum, name) => sum + Math.min(...name.map(recordsOfGroup)), 0),
      );
      const rarity = records === 0 ? 0 : inverseFrequency(records, this.documentCount);
      return { names, required: word.required, weight: rarity * rarity };
    });
    return { resolved, counterCount: counters };
  }

  /**
   * MiniSearch's scores of the candidates (ascending): the BM25+ sum over terms and fields, times the
   * words matched (see resolve). Computed a posting list at a time, each list intersected with the
   * candidates by galloping through the longer of the two, so a word with many forms and fields costs
   * its postings, not a lookup of every list for every candidate. The lists are taken in MiniSearch's
   * order (word, name, group, term, field), so each record's sum is added up in the same order and
   * comes out the same to the last bit.
   */
  private scoresOf(words: ResolvedWord[], counterCount: number, candidates: Uint32Array): Float64Array {
    const count = candidates.length;
    const sums = new Float64Array(count);
    // Which counters each candidate matched: `stride` words of bits per candidate.
    const stride = Math.max(1, Math.ceil(counterCount / 32));
    const seen = new Uint32Array(count * stride);
    const boosts = new Float64Array(count);
    for (let c = 0; c < count; c += 1) boosts[c] = this.documentBoost(candidates[c]!);
    const lengthOf = fieldLengthReader(this.miniSearch);
    for (const word of words) {
      for (const name of word.names) {
        const hasName = name.length > 1 ? hasEveryGroup(name, candidates) : null;
        for (const group of name) {
          for (const { counter, weight, fields } of group) {
            const bit = 1 << (counter & 31);
            const slot = counter >> 5;
            for (const { docs, boost, fieldId, inverseFrequency } of fields) {
              const weightedBoost = weight * boost;
              const averageLength = this.averageLength[fieldId] ?? 1;
              const { records, frequencies } = around(docs, candidates);
              const common = commonPositions(records, candidates);
              for (let k = 0; k < common.count; k += 1) {
                const c = common.ofSecond[k]!;
                if (hasName !== null && hasName[c] === 0) continue;
                const frequency = frequencies[common.ofFirst[k]!]!;
                seen[c * stride + slot]! |= bit;
                sums[c]! +=
                  weightedBoost * boosts[c]! * bm25(inverseFrequency, frequency, lengthOf(candidates[c]!, fieldId), averageLength);
              }
            }
          }
        }
      }
    }
    for (let c = 0; c < count; c += 1) {
      let matched = 0;
      for (let i = c * stride; i < (c + 1) * stride; i += 1) matched += bitCount(seen[i]!);
      sums[c]! *= matched || 1;
    }
    return sums;
  }
}

/** For a name of several words: 1 for each candidate having every group (any term, any field), else 0. */
function hasEveryGroup(name: ResolvedGroup[], candidates: Uint32Array): Uint8Array {
  const hasAll = new Uint8Array(candidates.length).fill(1);
  for (const group of name) {
    const hasGroup = new Uint8Array(candidates.length);
    for (const { postings } of group) {
      for (const docs of postings?.lists() ?? []) {
        const common = commonPositions(around(docs, candidates).records, candidates);
        for (let k = 0; k < common.count; k += 1) hasGroup[common.ofSecond[k]!] = 1;
      }
    }
    for (let c = 0; c < candidates.length; c += 1) hasAll[c]! &= hasGroup[c]!;
  }
  return hasAll;
}

/** The part of a list from the first candidate to the last, with its frequencies. */
function around(docs: FieldPostingsView, candidates: Uint32Array): { records: Uint32Array; frequencies: Uint16Array } {
  const all = docs.recordNumbers();
  if (candidates.length === 0) return { records: all.subarray(0, 0), frequencies: docs.frequencies().subarray(0, 0) };
  const from = lowerBound(all, candidates[0]!);
  const to = lowerBound(all, candidates[candidates.length - 1]! + 1);
  return { records: all.subarray(from, to), frequencies: docs.frequencies().subarray(from, to) };
}

function bitCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
}

/** A posting list within a span, read forward: the frequency of each record asked, in ascending order. */
class ListCursor {
  private readonly records: Uint32Array;
  private readonly frequencies: Uint16Array;
  private at: number;
  private readonly end: number;

  constructor(docs: FieldPostingsView, { start, end }: RecordSpan) {
    this.records = docs.recordNumbers();
    this.frequencies = docs.frequencies();
    this.at = lowerBound(this.records, start);
    this.end = lowerBound(this.records, end);
  }

  /** How often record n has the term (0: not at all); n is never below the last one asked. */
  frequencyOf(n: number): number {
    this.at = gallop(this.records, this.at, this.end, n);
    return this.at < this.end && this.records[this.at] === n ? this.frequencies[this.at]! : 0;
  }
}

interface ResolvedTerm {
  term: string;
  /** What this term's match counts towards (see resolve). */
  counter: number;
  weight: number;
  postings: TermPostingsView | undefined;
  fields: { docs: FieldPostingsView; boost: number; fieldId: number; inverseFrequency: number }[];
}

type ResolvedGroup = ResolvedTerm[];

interface ResolvedWord {
  /** Only names whose every word the index has. */
  names: ResolvedGroup[][];
  required: boolean;
  /** Its IDF squared; 0 when no record has it. */
  weight: number;
}

function byScore(a: { n: number; score: number }, b: { n: number; score: number }): number {
  return b.score - a.score || a.n - b.n;
}

function sizeOf(word: ResolvedWord, span: RecordSpan): number {
  return word.names.reduce((sum, name) => sum + Math.min(...name.map((group) => groupSize(group, span))), 0);
}

/** About how many records have the group: each term's longest field list (a word in a headline and its summary is one record). */
function recordsOfGroup(group: ResolvedGroup): number {
  return group.reduce((sum, { fields }) => sum + fields.reduce((longest, { docs }) => Math.max(longest, docs.size), 0), 0);
}

function groupSize(group: ResolvedGroup, span: RecordSpan): number {
  return listsOf(group, span).reduce((total, list) => total + list.length, 0);
}

/** The records having the word within the span: ascending, each once. */
function docsOfWord(word: ResolvedWord, span: RecordSpan): Uint32Array {
  return unionOfSorted(word.names.map((name) => docsOfName(name, span)));
}

function docsOfName(name: ResolvedGroup[], span: RecordSpan): Uint32Array {
  if (name.length === 1) return docsOf(name[0]!, span);
  const [rarest, ...others] = [...name].sort((a, b) => groupSize(a, span) - groupSize(b, span)) as [ResolvedGroup, ...ResolvedGroup[]];
  const hasOthers = others.map((group) => groupTest(group, span));
  return docsOf(rarest, span).filter((n) => hasOthers.every((has) => has(n)));
}

/** Whether a record has the word, for records asked in ascending order within the span (forward cursors, no binary search each). */
function wordTest(word: ResolvedWord, span: RecordSpan): (n: number) => boolean {
  const names = word.names.map((name) => name.map((group) => groupTest(group, span)));
  return (n) => names.some((groups) => groups.every((has) => has(n)));
}

/** Whether a record has any of the group's terms in any field, for records asked in ascending order within the span. */
function groupTest(group: ResolvedGroup, span: RecordSpan): (n: number) => boolean {
  const cursors = group.flatMap(({ postings }) =>
    postings === undefined ? [] : postings.lists().map((docs) => new ListCursor(docs, span)),
  );
  return (n) => cursors.some((cursor) => cursor.frequencyOf(n) > 0);
}

/** The records having any of the group's terms in any field, within the span: ascending, each once. */
function docsOf(group: ResolvedGroup, span: RecordSpan): Uint32Array {
  return unionOfSorted(listsOf(group, span));
}

function listsOf(group: ResolvedGroup, span: RecordSpan): Uint32Array[] {
  return group.flatMap(({ postings }) =>
    postings === undefined ? [] : postings.lists().map((docs) => within(docs.recordNumbers(), span)),
  );
}

/** The part of an ascending list inside the span. */
function within(list: Uint32Array, { start, end }: RecordSpan): Uint32Array {
  if (start === 0 && end >= (list[list.length - 1] ?? 0) + 1) return list;
  return list.subarray(lowerBound(list, start), lowerBound(list, end));
}

function has(postings: TermPostingsView | undefined, n: number): boolean {
  if (postings === undefined) return false;
  for (const docs of postings.lists()) if (docs.has(n)) return true;
  return false;
}

/** MiniSearch 7's BM25+ with its default parameters, so scores match its own search. */
function inverseFrequency(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

function bm25(inverseFrequency: number, frequency: number, fieldLength: number, averageLength: number): number {
  return (
    inverseFrequency * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / averageLength)))
  );
}
