import { FIELD_BOOSTS, type RecordIndex } from './mini-search.ts';
import { fieldLengthOf, indexShape, postingsOf } from './mini-search-internals.ts';
import type { RecordSpan } from './corpus-tables.ts';
import { unionOfSorted, type FieldPostings, type TermPostings } from './posting-lists.ts';

/** One index word a query word stands for, with its weight (the word as typed 1, its other forms less). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** The index words one query word may match: a record matches the word when it has any of them. */
export type WordGroup = WeightedTerm[];

const EVERY_RECORD: RecordSpan = { start: 0, end: 2 ** 32 };

export interface ScoredRecord {
  n: number;
  score: number;
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * Ranks the records that have every word group (AND) or any (OR), scored exactly as MiniSearch
 * scores the same query (BM25 per field, field boosts, term weights, the document boost, times the
 * number of distinct index words matched), but computed candidate-first: the rarest group lists the
 * candidates, `accept` (date, phrases, excludes) and the other groups prune them, and only the few
 * left are scored. MiniSearch's own search scores every posting of every word before combining, so
 * a query with one common word ("north") paid for thousands of records it then threw away.
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

  /**
   * Records matching all groups (`AND`) or any (`OR`) that `accept` keeps, best first. Only records
   * within `span` are looked at: a date range is a slice of every posting list, found by binary search.
   */
  rank(groups: WordGroup[], combine: 'AND' | 'OR', accept: (n: number) => boolean, span: RecordSpan = EVERY_RECORD): ScoredRecord[] {
    const { resolved, termCount } = this.resolve(groups);
    const candidates = combine === 'AND' ? this.allOf(resolved, accept, span) : this.anyOf(resolved, accept, span);
    const scored = candidates.map((n) => ({ n, score: this.score(resolved, termCount, n) }));
    return scored.sort((a, b) => b.score - a.score || a.n - b.n);
  }

  /** The index words of `groups` that record n has, sorted. */
  matchedTerms(groups: WordGroup[], n: number): string[] {
    const terms = groups.flatMap((group) => group.map(({ term }) => term)).filter((term) => has(postingsOf(this.miniSearch, term), n));
    return [...new Set(terms)].sort();
  }

  private allOf(groups: ResolvedGroup[], accept: (n: number) => boolean, span: RecordSpan): number[] {
    if (groups.length === 0) return [];
    const bySize = groups.map((group) => ({ group, size: size(group, span) })).sort((a, b) => a.size - b.size);
    const [rarest, ...others] = bySize.map(({ group }) => group) as [ResolvedGroup, ...ResolvedGroup[]];
    const candidates: number[] = [];
    for (const n of docsOf(rarest, span)) {
      if (others.every((group) => group.some(({ postings }) => has(postings, n))) && accept(n)) candidates.push(n);
    }
    return candidates;
  }

  /**
   * Records with as many of the groups as any record has, less one: when no record has all five
   * words, the ones with four (or three) are the useful answer, not the thousands with one.
   */
  private anyOf(groups: ResolvedGroup[], accept: (n: number) => boolean, span: RecordSpan): number[] {
    const counts = new Map<number, number>();
    for (const group of groups) for (const n of docsOf(group, span)) counts.set(n, (counts.get(n) ?? 0) + 1);
    const accepted = [...counts].filter(([n]) => accept(n));
    const most = accepted.reduce((best, [, count]) => Math.max(best, count), 0);
    const quorum = Math.max(1, most - 1);
    return accepted.filter(([, count]) => count >= quorum).map(([n]) => n);
  }

  /**
   * Each term's postings, and per field its list with what BM25 needs of it, looked up once per query;
   * `termCount` distinct terms, numbered 0, 1, …
   */
  private resolve(groups: WordGroup[]): { resolved: ResolvedGroup[]; termCount: number } {
    const termNumber = new Map<string, number>();
    const resolved = groups.map((group) =>
      group.map(({ term, weight }) => {
        const postings = postingsOf(this.miniSearch, term);
        if (!termNumber.has(term)) termNumber.set(term, termNumber.size);
        const fields = this.fieldIds.flatMap(([fieldId, boost]) => {
          const docs = postings?.get(fieldId);
          return docs === undefined ? [] : [{ docs, boost, fieldId, inverseFrequency: inverseFrequency(docs.size, this.documentCount) }];
        });
        return { term, termNumber: termNumber.get(term)!, weight, postings, fields };
      }),
    );
    return { resolved, termCount: termNumber.size };
  }

  /** MiniSearch's score: the BM25+ sum over terms and fields, times the distinct terms matched. */
  private score(groups: ResolvedGroup[], termCount: number, n: number): number {
    const lengths = fieldLengthOf(this.miniSearch, n);
    const documentBoost = this.documentBoost(n);
    let score = 0;
    let matched = 0;
    // Which distinct terms matched: bits of a number for up to 31 terms, a Set beyond.
    let seenBits = 0;
    const seen = termCount <= 31 ? null : new Set<number>();
    for (const group of groups) {
      for (const { termNumber, weight, fields } of group) {
        for (const { docs, boost, fieldId, inverseFrequency } of fields) {
          const frequency = docs.get(n);
          if (frequency === undefined) continue;
          if (seen === null ? (seenBits & (1 << termNumber)) === 0 : !seen.has(termNumber)) {
            if (seen === null) seenBits |= 1 << termNumber;
            else seen.add(termNumber);
            matched += 1;
          }
          score += weight * boost * documentBoost * bm25(inverseFrequency, frequency, lengths[fieldId] ?? 0, this.averageLength[fieldId] ?? 1);
        }
      }
    }
    return score * (matched || 1);
  }
}

interface ResolvedTerm {
  term: string;
  /** Distinct terms of the query are numbered 0, 1, … */
  termNumber: number;
  weight: number;
  postings: TermPostings | undefined;
  fields: { docs: FieldPostings; boost: number; fieldId: number; inverseFrequency: number }[];
}

type ResolvedGroup = ResolvedTerm[];

function size(group: ResolvedGroup, span: RecordSpan): number {
  return listsOf(group, span).reduce((total, list) => total + list.length, 0);
}

/** The records having any of the group's terms in any field, within the span: ascending, each once. */
function docsOf(group: ResolvedGroup, span: RecordSpan): Uint32Array {
  return unionOfSorted(listsOf(group, span));
}

function listsOf(group: ResolvedGroup, span: RecordSpan): Uint32Array[] {
  return group.flatMap(({ postings }) => (postings === undefined ? [] : postings.lists().map((docs) => within(docs.recordNumbers(), span))));
}

/** The part of an ascending list inside the span. */
function within(list: Uint32Array, { start, end }: RecordSpan): Uint32Array {
  if (start === 0 && end >= (list[list.length - 1] ?? 0) + 1) return list;
  return list.subarray(lowerBound(list, start), lowerBound(list, end));
}

function lowerBound(list: Uint32Array, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function has(postings: TermPostings | undefined, n: number): boolean {
  if (postings === undefined) return false;
  for (const docs of postings.lists()) if (docs.has(n)) return true;
  return false;
}

/** MiniSearch 7's BM25+ with its default parameters, so scores match its own search. */
function inverseFrequency(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

function bm25(inverseFrequency: number, frequency: number, fieldLength: number, averageLength: number): number {
  return inverseFrequency * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / averageLength)));
}
