import { existsSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildPostings } from '../../src/search/build-postings.ts';
import { fieldLengthOf, indexShape, postingsOf, restoreMiniSearch } from '../../src/search/mini-search-internals.ts';
import { FIELDS, fieldText, type RecordIndex } from '../../src/search/mini-search.ts';
import { inColumnOrder } from '../../src/search/record-columns.ts';
import { normaliseTerm, tokenize } from '../../src/search/text.ts';

const bundled = new URL('../../corpus', import.meta.url).pathname;
const wcep2013 = new URL('../../../shared/data/wcep/2013/08', import.meta.url).pathname;

describe('buildPostings', () => {
  it('makes exactly the postings, field lengths and averages that MiniSearch.add makes', async () => {
    const records = inColumnOrder((await loadCorpus(existsSync(wcep2013) ? [bundled, wcep2013] : [bundled])).records);
    const reference: RecordIndex = new MiniSearch<{ id: number }>({
      fields: [...FIELDS],
      storeFields: [],
      tokenize,
      processTerm: (term) => normaliseTerm(term),
      extractField: (document, field) => (field === 'id' ? (document.id as unknown as string) : fieldText(records[document.id]!, field)),
    });
    reference.addAll(records.map((_, id) => ({ id })));
    const built = buildPostings(records);

    const referenceShape = indexShape(reference);
    expect(built.shape.documentCount).toBe(referenceShape.documentCount);
    expect(built.shape.fieldIds).toEqual(referenceShape.fieldIds);
    built.shape.averageFieldLength.forEach((average, field) => expect(average).toBeCloseTo(referenceShape.averageFieldLength[field]!, 9));
    const restored = restoreMiniSearch(built.shape, new Uint8Array(records.length), built.fieldLengths, built.terms, built.postings);
    expect(restored.termCount).toBe(reference.termCount);
    for (const term of built.terms) {
      const ours = [...postingsOf(restored, term)!].map(([fieldId, docs]) => [fieldId, new Map(docs)] as const);
      expect(new Map(ours)).toEqual(postingsOf(reference, term));
    }
    records.forEach((_, n) => expect(Array.from(fieldLengthOf(restored, n))).toEqual(fieldLengthOf(reference, n)));
  });
});
