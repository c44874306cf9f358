import { FIELD_BOOSTS, type RecordIndex } from './mini-search.ts';
import { fieldLengthOf, indexShape, postingsOf } from './mini-search-internals.ts';
import type { TermPostings } from './posting-lists.ts';

/** One index word a query word stands for, with its weight (the word as typed 1, its other forms less). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** The index words one query word may match: a record matches the word when it has any of them. */
export type WordGroup = WeightedTerm[];

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

  /** Records matching all groups (`AND`) or any (`OR`) that `accept` keeps, best first. */
  rank(groups: WordGroup[], combine: 'AND' | 'OR', accept: (n: number) => boolean): ScoredRecord[] {
    const resolved = groups.map((group) => group.map(({ term, weight }) => ({ term, weight, postings: postingsOf(this.miniSearch, term) })));
    const candidates = combine === 'AND' ? this.allOf(resolved, accept) : this.anyOf(resolved, accept);
    const scored = candidates.map((n) => ({ n, score: this.score(resolved, n) }));
    return scored.sort((a, b) => b.score - a.score || a.n - b.n);
  }

  /** The index words of `groups` that record n has, sorted. */
  matchedTerms(groups: WordGroup[], n: number): string[] {
    const terms = groups.flatMap((group) => group.map(({ term }) => term)).filter((term) => has(postingsOf(this.miniSearch, term), n));
    return [...new Set(terms)].sort();
  }

  private allOf(groups: ResolvedGroup[], accept: (n: number) => boolean): number[] {
    if (groups.length === 0) return [];
    const bySize = [...groups].sort((a, b) => size(a) - size(b));
    const [rarest, ...others] = bySize as [ResolvedGroup, ...ResolvedGroup[]];
    const candidates: number[] = [];
    for (const n of docsOf(rarest)) {
      if (others.every((group) => group.some(({ postings }) => has(postings, n))) && accept(n)) candidates.push(n);
    }
    return candidates;
  }

  /**
   * Records with as many of the groups as any record has, less one: when no record has all five
   * words, the ones with four (or three) are the useful answer, not the thousands with one.
   */
  private anyOf(groups: ResolvedGroup[], accept: (n: number) => boolean): number[] {
    const counts = new Map<number, number>();
    for (const group of groups) for (const n of docsOf(group)) counts.set(n, (counts.get(n) ?? 0) + 1);
    const accepted = [...counts].filter(([n]) => accept(n));
    const most = accepted.reduce((best, [, count]) => Math.max(best, count), 0);
    const quorum = Math.max(1, most - 1);
    return accepted.filter(([, count]) => count >= quorum).map(([n]) => n);
  }

  private score(groups: ResolvedGroup[], n: number): number {
    const lengths = fieldLengthOf(this.miniSearch, n);
    const documentBoost = this.documentBoost(n);
    let score = 0;
    const matched = new Set<string>();
    for (const group of groups) {
      for (const { term, weight, postings } of group) {
        if (postings === undefined) continue;
        for (const [fieldId, boost] of this.fieldIds) {
          const docs = postings.get(fieldId);
          const frequency = docs?.get(n);
          if (docs === undefined || frequency === undefined) continue;
          matched.add(term);
          score += weight * boost * documentBoost * bm25(frequency, docs.size, this.documentCount, lengths[fieldId] ?? 0, this.averageLength[fieldId] ?? 1);
        }
      }
    }
    return score * (matched.size || 1);
  }
}

type ResolvedGroup = { term: string; weight: number; postings: TermPostings | undefined }[];

function size(group: ResolvedGroup): number {
  let total = 0;
  for (const { postings } of group) if (postings !== undefined) for (const docs of postings.values()) total += docs.size;
  return total;
}

function* docsOf(group: ResolvedGroup): Generator<number> {
  const seen = new Set<number>();
  for (const { postings } of group) {
    if (postings === undefined) continue;
    for (const docs of postings.values()) {
      for (const n of docs.keys()) {
        if (seen.has(n)) continue;
        seen.add(n);
        yield n;
      }
    }
  }
}

function has(postings: TermPostings | undefined, n: number): boolean {
  if (postings === undefined) return false;
  for (const docs of postings.values()) if (docs.has(n)) return true;
  return false;
}

/** MiniSearch 7's BM25+ with its default parameters, so scores match its own search. */
function bm25(frequency: number, matching: number, total: number, fieldLength: number, averageLength: number): number {
  const inverseFrequency = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return inverseFrequency * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / averageLength)));
}
