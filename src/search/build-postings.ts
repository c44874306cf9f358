import type { CorpusRecord } from '../model/record.ts';
import { FIELDS, fieldText } from './mini-search.ts';
import type { IndexShape, Postings } from './mini-search-internals.ts';
import { normaliseTerm, tokenize } from './text.ts';

/** Fields whose words count towards how rare a headline word is (see CorpusTables.rarity). */
const TITLE = FIELDS.indexOf('title');
const CONTEXTS = FIELDS.indexOf('contexts');

export interface BuiltPostings {
  shape: IndexShape;
  /** Record n's field lengths are fieldLengths[n * FIELDS.length …]. */
  fieldLengths: Uint32Array;
  terms: Map<string, Postings>;
  headlineTermFrequency: Map<string, number>;
}

/**
 * The posting lists MiniSearch's `add` would make for these records (records numbered in column
 * order), built in a plain hash map. MiniSearch walks its radix tree once per word occurrence;
 * here each occurrence is one Map lookup and each distinct term enters the tree once, on restore.
 * Field lengths are MiniSearch's: distinct tokens before stop words are dropped.
 */
export function buildPostings(records: readonly CorpusRecord[]): BuiltPostings {
  const fields = FIELDS.length;
  const terms = new Map<string, Postings>();
  const fieldLengths = new Uint32Array(records.length * fields);
  const lengthTotals = new Array<number>(fields).fill(0);

  records.forEach((record, n) => {
    for (let fieldId = 0; fieldId < fields; fieldId += 1) {
      const tokens = tokenize(fieldText(record, FIELDS[fieldId]!));
      const length = new Set(tokens).size;
      fieldLengths[n * fields + fieldId] = length;
      lengthTotals[fieldId]! += length;
      for (const token of tokens) {
        const term = normaliseTerm(token);
        if (term === null) continue;
        let byField = terms.get(term);
        if (byField === undefined) terms.set(term, (byField = new Map()));
        let docs = byField.get(fieldId);
        if (docs === undefined) byField.set(fieldId, (docs = new Map()));
        docs.set(n, (docs.get(n) ?? 0) + 1);
      }
    }
  });

  const count = Math.max(records.length, 1);
  return {
    shape: {
      documentCount: records.length,
      fieldIds: Object.fromEntries(FIELDS.map((field, id) => [field, id])),
      averageFieldLength: lengthTotals.map((total) => total / count),
    },
    fieldLengths,
    terms,
    headlineTermFrequency: headlineFrequencies(terms),
  };
}

/** In how many records each term is in the headline or the contexts. */
function headlineFrequencies(terms: Map<string, Postings>): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const [term, byField] of terms) {
    const title = byField.get(TITLE);
    const contexts = byField.get(CONTEXTS);
    let count = title?.size ?? 0;
    if (contexts !== undefined) for (const n of contexts.keys()) if (title?.has(n) !== true) count += 1;
    if (count > 0) frequencies.set(term, count);
  }
  return frequencies;
}
