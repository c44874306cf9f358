import type { QueryKind } from '../model/metrics.ts';
import type { ParsedQuery } from '../model/query.ts';

/** The kind of a query, for latency by kind: the kinds cost differently (a timeline walks dates, words walk postings). */
export function queryKind(query: Pick<ParsedQuery, 'date' | 'timeline'>): QueryKind {
  if (query.date?.kind === 'month-day') return 'on-this-day';
  if (query.timeline) return 'timeline';
  return query.date === null ? 'words' : 'words-and-date';
}
