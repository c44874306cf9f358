import type { SearchPage, SearchHit, RelatedEvent } from '../model/search.ts';
import type { IsoDate } from '../model/record.ts';
import { primaryUrl } from '../model/record.ts';

/** The `--json` shape other tools read. Stable: add fields, never rename them. */
export interface SearchJson {
  query: { text: string; from: IsoDate | null; to: IsoDate | null };
  total: number;
  results: ResultJson[];
}

export interface ResultJson {
  id: string;
  kind: 'event' | 'article';
  date: IsoDate | null;
  title: string;
  summary: string;
  url: string | null;
  image: string | null;
  sources: { name: string; url: string | null }[];
  contexts: string[];
  related: RelatedEvent[];
}

export function searchJson(page: SearchPage): SearchJson {
  const { query } = page;
  const range = query.date?.kind === 'range' ? query.date.range : null;
  return {
    query: { text: [...query.terms, ...query.phrases.map((phrase) => `"${phrase}"`)].join(' '), from: range?.from ?? null, to: range?.to ?? null },
    total: page.total,
    results: page.hits.map(resultJson),
  };
}

export function resultJson({ record, related }: SearchHit): ResultJson {
  return {
    id: record.id,
    kind: record.kind,
    date: record.date,
    title: record.title,
    summary: record.summary,
    url: primaryUrl(record),
    image: record.image,
    sources: record.sources.map(({ name, url }) => ({ name, url })),
    contexts: record.contexts,
    related: related.map(({ id, title, date, reason }) => ({ id, title, date, reason })),
  };
}
