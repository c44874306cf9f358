import { describe, expect, it } from 'vitest';
import { fieldLengthOf, indexShape, postingsOf, termsStartingWith } from '../../src/search/mini-search-internals.ts';
import { twoIndexes } from './generated-corpus.ts';

describe('buildPostings', () => {
  it('makes exactly the postings, field lengths and averages that MiniSearch.add makes', () => {
    const { records, reference, restored } = twoIndexes(3000);
    const referenceShape = indexShape(reference);
    const restoredShape = indexShape(restored);
    expect(restoredShape.documentCount).toBe(3000);
    expect(referenceShape.documentCount).toBe(3000);
    expect(restoredShape.fieldIds).toEqual(referenceShape.fieldIds);
    restoredShape.averageFieldLength.forEach((average, field) => expect(average).toBeCloseTo(referenceShape.averageFieldLength[field]!, 9));
    const terms = termsStartingWith(reference, '');
    expect(termsStartingWith(restored, '')).toEqual(terms);
    for (const term of terms) {
      const ours = [...postingsOf(restored, term)!].map(([fieldId, docs]) => [fieldId, new Map(docs)] as const);
      expect(new Map(ours)).toEqual(postingsOf(reference, term));
    }
    records.forEach((_, n) => expect(Array.from(fieldLengthOf(restored, n))).toEqual(fieldLengthOf(reference, n)));
  });
});
