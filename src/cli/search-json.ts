import type { SearchPage, SearchHit, RelatedEvent } from '../model/search.ts';
import type { IsoDate } from '../model/record.ts';
import { primaryUrl } from '../model/record.ts';
import { toJsonlRecord, type JsonlRecord } from '../corpus/to-jsonl.ts';

/** The `--json` shape other tools read. Stable: add fields, never rename them. */
interface SearchJson {
  query: { text: string; from: IsoDate | null; to: IsoDate | null };
  total: number;
  results: ResultJson[];
}

/** A hit is its record in the corpus exchange form, with the headline's link and the related events found for it. */
type ResultJson = Omit<JsonlRecord, 'related'> & { url: string | null; related: RelatedEvent[] };

export function searchJson(page: SearchPage): SearchJson {
  const { query } = page;
  const range = query.date?.kind === 'range' ? query.date.range : null;
  return {
    query: {
      text: [...query.terms, ...query.phrases.map((phrase) => `"${phrase}"`)].join(' '),
      from: range?.from ?? null,
      to: range?.to ?? null,
    },
    total: page.total,
    results: page.hits.map(resultJson),
  };
}

function resultJson({ record, related }: SearchHit): ResultJson {
  return {
    ...toJsonlRecord(record),
    url: primaryUrl(record),
    related: related.map(({ id, title, date, reason }) => ({ id, title, date, reason })),
  };
}
