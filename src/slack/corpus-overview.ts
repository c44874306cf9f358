import type { CorpusRecord } from '../model/record.ts';
import type { ParsedQuery } from '../model/query.ts';
import type { Searcher } from '../search/searcher.ts';

export interface CorpusOverview {
  records: number;
  /** Earliest and latest event dates; null for a corpus without dates. */
  from: string | null;
  to: string | null;
  /** The newest events by date, newest first. */
  newest: CorpusRecord[];
}

const EVERY_DATE: ParsedQuery = {
  raw: '',
  terms: [],
  phrases: [],
  excludes: [],
  date: { kind: 'range', range: { from: null, to: null } },
  dateLabel: null,
  timeline: true,
};
const cache = new WeakMap<Searcher, CorpusOverview>();

/** Size, date span and newest events of an index, worked out once per index (a reload makes a new one). */
export function corpusOverview(searcher: Searcher, newest = 5): CorpusOverview {
  const cached = cache.get(searcher);
  if (cached !== undefined) return cached;
  const first = searcher.search(EVERY_DATE, { limit: 1, relatedLimit: 0 });
  const dated = first.total;
  const last =
    dated === 0
      ? []
      : searcher.search(EVERY_DATE, { limit: newest, offset: Math.max(0, dated - newest), relatedLimit: 0 }).hits.map((hit) => hit.record);
  const overview: CorpusOverview = {
    records: searcher.size,
    from: first.hits[0]?.record.date ?? null,
    to: last.at(-1)?.date ?? null,
    newest: [...last].reverse(),
  };
  cache.set(searcher, overview);
  return overview;
}
