import { describe, expect, it } from 'vitest';
import { buildPostings, joinPostings, PostingsBuilder } from '../../src/search/build-postings.ts';
import { fieldLengthOf, indexShape, postingsOf, termsStartingWith } from '../../src/search/mini-search-internals.ts';
import { inColumnOrder } from '../../src/search/record-columns.ts';
import { makeRecord } from '../support/records.ts';
import { generatedCorpus, twoIndexes } from './generated-corpus.ts';
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

  // Records whose words first appear late: a word of its own every 50 records, and accents.
  const records = inColumnOrder([
    ...generatedCorpus(1_200, 7).map((record, i) =>
      i % 50 === 7
        ? { ...record, title: `${record.title} Zanzibar${i} Jiří${i % 3}`, contexts: [...record.contexts, `Story ${i}`] }
        : record,
    ),
    makeRecord({
      id: 'news/undated/last',
      date: null,
      title: 'Only here: Ouagadougou',
      summary: 'Ouagadougou ouagadougou talks',
      sources: [{ name: 'Radio Ouaga', url: null }],
      contexts: [],
    }),
  ]);
  const whole = buildPostings(records);
  const n = records.length;

  it('gives the same postings joined from runs built apart, in any order, by several builders', () => {
    // One builder from the front (two runs that follow each other: one part), another from the back, as two threads share them out.
    const front = new PostingsBuilder();
    front.add(records, 0, 100);
    front.add(records, 100, 500);
    const back = new PostingsBuilder();
    back.add(records, 1_000, n);
    back.add(records, 700, 1_000);
    back.add(records, 500, 700);
    const joined = joinPostings([front.pieces(), back.pieces()], n);
    expect(front.pieces().parts.map(({ start, end }) => [start, end])).toEqual([[0, 500]]);
    expect(joined).toEqual(whole);
    expect(joined.terms).toContain('ouagadougou');
    // The last record's words of its own (headline, then its source's name) are the last terms: numbered as first seen.
    expect(joined.terms.slice(-3)).toEqual(['ouagadougou', 'radio', 'ouaga']);
  });

  it('gives the same postings when one builder took every run, or the other none', () => {
    const all = new PostingsBuilder();
    all.add(records, 0, n);
    expect(joinPostings([all.pieces(), new PostingsBuilder().pieces()], n)).toEqual(whole);
    const backwards = new PostingsBuilder();
    for (let start = n - (n % 64); start >= 0; start -= 64) backwards.add(records, start, Math.min(n, start + 64));
    expect(joinPostings([new PostingsBuilder().pieces(), backwards.pieces()], n)).toEqual(whole);
  });

  it('refuses parts that leave records out or cover some twice', () => {
    const first = new PostingsBuilder();
    first.add(records, 0, 600);
    const second = new PostingsBuilder();
    second.add(records, 601, n);
    expect(() => joinPostings([first.pieces(), second.pieces()], n)).toThrow(
      'postings parts cover records up to 600, the next starts at 601',
    );
    const overlap = new PostingsBuilder();
    overlap.add(records, 500, n);
    expect(() => joinPostings([first.pieces(), overlap.pieces()], n)).toThrow(
      'postings parts cover records up to 600, the next starts at 500',
    );
    expect(() => joinPostings([first.pieces()], n)).toThrow(`postings parts cover 600 records of ${n}`);
  });
});
