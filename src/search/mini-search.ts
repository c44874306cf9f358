import MiniSearch, { type SearchOptions } from 'minisearch';
import type { CorpusRecord } from '../model/record.ts';
import type { CorpusTables } from './corpus-tables.ts';
import { normaliseTerm, tokenize } from './text.ts';

export const FIELDS = ['title', 'summary', 'body', 'contexts', 'category', 'sources'] as const;
export type Field = (typeof FIELDS)[number];

/** Headline and story labels say what a record is about; the body only mentions things. */
export const FIELD_BOOSTS: Record<Field, number> = { title: 3, contexts: 2.5, summary: 1.5, body: 1, category: 0.5, sources: 0.5 };

/**
 * Typos are forgiven only in longer words, where a slip cannot turn into another word; two edits from
 * six letters up, because a swapped pair ("keasong") is two edits and the commonest typo.
 */
export const textSearchOptions = {
  boost: FIELD_BOOSTS,
  prefix: (term: string) => term.length >= 4,
  fuzzy: (term: string) => (term.length >= 6 ? 2 : term.length === 5 ? 1 : false),
  maxFuzzy: 2,
} satisfies SearchOptions;

export function fieldText(record: CorpusRecord, field: string): string {
  switch (field) {
    case 'title':
      return record.title;
    case 'summary':
      // WCEP lines are one sentence: summary and headline are the same text; count it once.
      return record.summary === record.title ? '' : record.summary;
    case 'body':
      return record.body;
    case 'contexts':
      return record.contexts.join(' \n ');
    case 'category':
      return record.category ?? '';
    case 'sources':
      return record.sources.map((source) => source.name).join(' \n ');
    default:
      return '';
  }
}

export function createMiniSearch(tables: CorpusTables): MiniSearch<{ id: number }> {
  return new MiniSearch<{ id: number }>({
    fields: [...FIELDS],
    storeFields: [],
    extractField: (document, field) => (field === 'id' ? document.id : fieldText(tables.records[document.id]!, field)) as string,
    tokenize,
    processTerm: (term) => normaliseTerm(term),
    searchOptions: {
      ...textSearchOptions,
      boostDocument: (n: number) => (tables.records[n]?.stub === true ? 0.7 : 1),
    },
  });
}
