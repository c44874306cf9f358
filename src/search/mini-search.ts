import type MiniSearch from 'minisearch';
import type { Options, SearchOptions } from 'minisearch';
import type { CorpusRecord } from '../model/record.ts';
import { STUB } from './record-columns.ts';
import { normaliseTerm, tokenize } from './text.ts';

export const FIELDS = ['title', 'summary', 'body', 'contexts', 'labels'] as const;
export type Field = (typeof FIELDS)[number];

/** Headline and story labels say what a record is about; the body only mentions things. */
export const FIELD_BOOSTS: Record<Field, number> = { title: 3, contexts: 2.5, summary: 1, body: 0.5, labels: 0.5 };

/** Words are searched exactly: word-forms.ts has already turned each into the index words it stands for. */
const textSearchOptions = {
  boost: FIELD_BOOSTS,
  prefix: false,
  fuzzy: false,
} satisfies SearchOptions;

export type RecordIndex = MiniSearch<{ id: number }>;

/** The text of one indexed field of a record. */
export function fieldText(record: CorpusRecord, field: string): string {
  switch (field) {
    case 'title':
      return record.title;
    case 'summary':
      // Count each text once: a WCEP summary repeats the headline, an article's lead is in its body.
      return record.summary === record.title || record.kind === 'article' ? '' : record.summary;
    case 'body':
      return record.body;
    case 'contexts':
      return record.contexts.join('\n');
    case 'labels':
      return [record.category ?? '', ...record.sources.map((source) => source.name)].join('\n');
    default:
      return '';
  }
}

/** A record known only from a Related link has no summary or sources: it ranks below a full one. */
const STUB_WEIGHT = 0.7;

/** How much record n's score counts, from the record columns' flags. */
export function documentWeight(flags: Uint8Array, n: number): number {
  return (flags[n]! & STUB) !== 0 ? STUB_WEIGHT : 1;
}

/** The options an index is loaded with (for MiniSearch's own search, which `suggest` uses). */
export function miniSearchOptions(flags: Uint8Array): Options<{ id: number }> {
  return {
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    processTerm: (term) => normaliseTerm(term),
    searchOptions: {
      ...textSearchOptions,
      boostDocument: (n: number) => documentWeight(flags, n),
    },
  };
}
