import type { CorpusRecord, IsoDate } from './record.ts';
import type { ParsedQuery } from './query.ts';

export interface RelatedEvent {
  id: string;
  title: string;
  date: IsoDate | null;
  /**
   * Why it is related, naming what the two share, short enough for a card: "linked from the event
   * page", "same story: 2013 Korean crisis", "same matter: Charles Taylor, Sierra Leone", "same place
   * and subject: Kaesong, reopening".
   */
  reason: string;
}

export interface SearchHit {
  record: CorpusRecord;
  score: number;
  /** Words of the record that matched, for bolding. */
  matchedTerms: string[];
  related: RelatedEvent[];
}

/** A query word read as another: a misspelling, as typed, and the word searched instead. */
export interface Correction {
  from: string;
  to: string;
}

export interface SearchPage {
  query: ParsedQuery;
  /** How many records match in all; `hits` is one page of them. */
  total: number;
  offset: number;
  hits: SearchHit[];
  /** No record had every word, so these match some of them. */
  relaxed: boolean;
  /** Words searched as another ("showing results for …"); absent or empty when none was changed. */
  corrections?: Correction[];
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  relatedLimit?: number;
}
