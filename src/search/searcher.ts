import type { CorpusRecord } from '../model/record.ts';
import type { ParsedQuery } from '../model/query.ts';
import type { RelatedEvent, SearchOptions, SearchPage } from '../model/search.ts';

/** What the adapters (Slack, CLI, digest) need from the search core. Synchronous and in memory. */
export interface Searcher {
  /** Records loaded (events, articles and related-link stubs). */
  readonly size: number;
  search(query: ParsedQuery, options?: SearchOptions): SearchPage;
  related(id: string, limit?: number): RelatedEvent[];
  get(id: string): CorpusRecord | undefined;
  /** Known words close to a misspelt one, best first, for "did you mean". */
  suggest(word: string, limit?: number): string[];
  /** Every record dated on this month and day, any year. */
  onThisDay(month: number, day: number): CorpusRecord[];
}
