import type { CorpusRecord } from '../model/record.ts';
import type { ParsedQuery } from '../model/query.ts';
import type { Correction, RelatedEvent, SearchHit, SearchOptions, SearchPage } from '../model/search.ts';
import type { Searcher } from './searcher.ts';
import type { RecordSpan, RecordTables } from './record-tables.ts';
import { documentWeight, type RecordIndex } from './mini-search.ts';
import { QueryScorer, type QueryWord } from './score-query.ts';
import { dateMatcher } from './date-matcher.ts';
import { phraseForm, indexTerms } from './text.ts';
import { findRelated } from './related.ts';
import type { AliasTable } from './aliases.ts';
import { queryWords } from './query-words.ts';

const DEFAULT_LIMIT = 5;
const DEFAULT_RELATED = 3;
const RELATED_CACHE_SIZE = 5_000;

/**
 * Answers queries over numbered records (RecordTables) and their postings (a MiniSearch index, real
 * or restored): a base index's, or a live index's view over its base and delta.
 */
export class IndexSearcher<Tables extends RecordTables = RecordTables> implements Searcher {
  private readonly relatedCache = new Map<string, RelatedEvent[]>();
  private readonly scorer: QueryScorer;

  constructor(
    readonly tables: Tables,
    readonly miniSearch: RecordIndex,
    private readonly aliasTable: AliasTable,
    flags: Uint8Array,
  ) {
    this.scorer = new QueryScorer(miniSearch, (n) => documentWeight(flags, n));
  }

  get size(): number {
    return this.tables.count;
  }

  get(id: string): CorpusRecord | undefined {
    return this.tables.recordById(id);
  }

  search(query: ParsedQuery, options: SearchOptions = {}): SearchPage {
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const offset = Math.max(0, options.offset ?? 0);
    const relatedLimit = options.relatedLimit ?? DEFAULT_RELATED;
    const { matches, relaxed, corrections } = this.match(query, offset + limit);
    const hits = matches.slice(offset, offset + limit).map(({ n, score, words }): SearchHit => {
      const record = this.tables.record(n);
      const matchedTerms = this.scorer.matchedTerms(words, n);
      return { record, score, matchedTerms, related: relatedLimit > 0 ? this.related(record.id, relatedLimit) : [] };
    });
    return { query, total: matches.length, offset, hits, relaxed, corrections };
  }

  related(id: string, limit = DEFAULT_RELATED): RelatedEvent[] {
    const key = `${limit}\u0000${id}`;
    const cached = this.relatedCache.get(key);
    if (cached !== undefined) return cached;
    const related = findRelated(this.tables, this.miniSearch, id, limit);
    if (this.relatedCache.size >= RELATED_CACHE_SIZE) this.relatedCache.clear();
    this.relatedCache.set(key, related);
    return related;
  }

  suggest(word: string, limit = 3): string[] {
    const [term] = indexTerms(word);
    if (term === undefined || term.length < 3) return [];
    const counts = new Map<string, number>();
    for (const result of this.miniSearch.search(term, { fuzzy: 0.34, maxFuzzy: 2, prefix: false, fields: ['title', 'contexts'] })) {
      for (const candidate of result.terms) {
        if (candidate !== term) counts.set(candidate, (counts.get(candidate) ?? 0) + 1);
      }
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([candidate]) => candidate);
  }

  onThisDay(month: number, day: number): CorpusRecord[] {
    return this.tables.onMonthDay(month, day).map((n) => this.tables.record(n));
  }

  /** The matches, of which the first `shown` are read (a page and those before it). */
  private match(query: ParsedQuery, shown: number): { matches: Matches; relaxed: boolean; corrections: Correction[] } {
    const accept = this.acceptor(query);
    const { words, corrections } = queryWords(this.miniSearch, this.aliasTable, query);
    if (words.length === 0) {
      if (query.date === null) return { matches: [], relaxed: false, corrections };
      return { matches: this.timeline(query, accept), relaxed: false, corrections };
    }
    const span = query.date?.kind === 'range' ? this.tables.spanOf(query.date.range.from, query.date.range.to) : undefined;
    // At least the first is kept: it says whether the answer is relaxed.
    const { top, total } = this.scorer.rankTop(words, accept, Math.max(1, shown), span);
    const relaxed = top.length > 0 && !top[0]!.allWords;
    const matches: Matches = {
      length: total,
      slice: (from, to) => top.slice(from, to).map(({ n, score }) => ({ n, score, words })),
    };
    return { matches, relaxed, corrections };
  }

  /**
   * Records in a date range or on a month-day, oldest first. A range with nothing else to check is a
   * span of record numbers, read only for the page shown: "since 2005" costs a page, not 100k records.
   */
  private timeline(query: ParsedQuery, accept: (n: number) => boolean): Matches {
    const date = query.date!;
    if (date.kind === 'range' && query.phrases.length === 0 && query.excludes.length === 0) {
      return spanMatches(this.tables.spanOf(date.range.from, date.range.to));
    }
    const candidates =
      date.kind === 'range' ? this.tables.inRange(date.range.from, date.range.to) : this.tables.onMonthDay(date.month, date.day);
    return candidates.filter(accept).map((n) => ({ n, score: 0, words: [] }));
  }

  /** Everything a record must satisfy besides the words: the date, no excluded word, the phrases (dearest last). */
  private acceptor(query: ParsedQuery): (n: number) => boolean {
    const inDate = query.date === null ? null : dateMatcher(query.date);
    const phrases = query.phrases.map(phraseForm).filter((phrase) => phrase.trim() !== '');
    const excludedWords = query.excludes.filter((exclude) => !/\s/.test(exclude.trim())).flatMap(indexTerms);
    const excludedPhrases = query.excludes.filter((exclude) => /\s/.test(exclude.trim())).map(phraseForm);
    const excluded = excludedWords.length === 0 ? null : this.scorer.hasAnyOf(excludedWords);
    return (n) => {
      if (inDate !== null && !inDate(this.tables.days[n]!)) return false;
      if (excluded?.(n) === true) return false;
      if (phrases.length > 0 || excludedPhrases.length > 0) {
        const text = phraseForm(searchableText(this.tables.record(n)));
        if (!phrases.every((phrase) => text.includes(phrase))) return false;
        if (excludedPhrases.some((phrase) => text.includes(phrase))) return false;
      }
      return true;
    };
  }
}

/** Matches best first, read a page at a time. */
type Matches = Pick<Match[], 'length' | 'slice'>;

function spanMatches({ start, end }: RecordSpan): Matches {
  return {
    length: Math.max(0, end - start),
    slice: (from = 0, to = end - start) => {
      const matches: Match[] = [];
      for (let n = start + Math.max(0, from); n < Math.min(end, start + to); n += 1) matches.push({ n, score: 0, words: [] });
      return matches;
    },
  };
}

interface Match {
  n: number;
  score: number;
  /** What the record was matched against, to name its matched words if it is shown. */
  words: QueryWord[];
}

function searchableText(record: CorpusRecord): string {
  return [record.title, record.summary, record.body, record.contexts.join(' ')].join('\n');
}
