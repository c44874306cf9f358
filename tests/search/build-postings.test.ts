import { existsSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildPostings } from '../../src/search/build-postings.ts';
import { eachTerm, fieldLengthOf, indexShape } from '../../src/search/mini-search-internals.ts';
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
    const referenceTerms = new Map(eachTerm(reference));
    expect(built.terms.size).toBe(referenceTerms.size);
    for (const [term, postings] of built.terms) expect(postings).toEqual(referenceTerms.get(term));
    records.forEach((_, n) => expect(Array.from(built.fieldLengths.subarray(n * FIELDS.length, (n + 1) * FIELDS.length))).toEqual(fieldLengthOf(reference, n)));
  });
});
