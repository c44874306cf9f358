import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { CorpusRecord } from '../model/record.ts';
import { STUB } from './record-columns.ts';
import { normaliseTerm, tokenize } from './text.ts';

export const FIELDS = ['title', 'summary', 'body', 'contexts', 'labels'] as const;
export type Field = (typeof FIELDS)[number];

/** Headline and story labels say what a record is about; the body only mentions things. */
export const FIELD_BOOSTS: Record<Field, number> = { title: 3, contexts: 2.5, summary: 1, body: 0.5, labels: 0.5 };

/** Fields whose words count towards how rare a headline word is (see CorpusTables.rarity). */
const HEADLINE_FIELDS = new Set<string>(['title', 'contexts']);

/** Words are searched exactly: word-forms.ts has already turned each into the index words it stands for. */
export const textSearchOptions = {
  boost: FIELD_BOOSTS,
  prefix: false,
  fuzzy: false,
} satisfies SearchOptions;

export type RecordIndex = MiniSearch<{ id: number }>;

function fieldText(record: CorpusRecord, field: string): string {
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

/** The options an index is built and loaded with; `flags` are the record columns' flags. */
export function miniSearchOptions(flags: Uint8Array, extractField?: Options['extractField'], processTerm?: Options['processTerm']): Options<{ id: number }> {
  return {
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    processTerm: processTerm ?? ((term) => normaliseTerm(term)),
    ...(extractField === undefined ? {} : { extractField }),
    searchOptions: {
      ...textSearchOptions,
      processTerm: (term) => normaliseTerm(term),
      boostDocument: (n: number) => ((flags[n]! & STUB) !== 0 ? 0.7 : 1),
    },
  };
}

/**
 * Indexes records numbered as in their columns and, in the same pass, counts in how many records'
 * headlines and contexts each word appears (the rarity that related events weigh words by).
 */
export function buildMiniSearch(records: readonly CorpusRecord[], flags: Uint8Array): { miniSearch: RecordIndex; headlineTermFrequency: Map<string, number> } {
  const headlineTermFrequency = new Map<string, number>();
  const lastCounted = new Map<string, number>();
  let current = -1;
  const extractField = (document: { id: number }, field: string) => {
    if (field === 'id') {
      current = document.id;
      return document.id as unknown as string;
    }
    return fieldText(records[document.id]!, field);
  };
  const processTerm = (term: string, field?: string) => {
    const processed = normaliseTerm(term);
    if (processed !== null && field !== undefined && HEADLINE_FIELDS.has(field) && lastCounted.get(processed) !== current) {
      lastCounted.set(processed, current);
      headlineTermFrequency.set(processed, (headlineTermFrequency.get(processed) ?? 0) + 1);
    }
    return processed;
  };
  const miniSearch = new MiniSearch<{ id: number }>(miniSearchOptions(flags, extractField, processTerm));
  for (let n = 0; n < records.length; n += 1) miniSearch.add({ id: n });
  return { miniSearch, headlineTermFrequency };
}
