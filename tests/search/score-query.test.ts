import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { createSearchIndex, type CorpusIndex } from '../../src/search/search-index.ts';
import { QueryScorer, singleWord, type WordGroup } from '../../src/search/score-query.ts';
import { FIELD_BOOSTS } from '../../src/search/mini-search.ts';
import { STUB } from '../../src/search/record-columns.ts';

const bundled = new URL('../../corpus', import.meta.url).pathname;
const wcep2013 = new URL('../../../shared/data/wcep/2013', import.meta.url).pathname;

const QUERIES: WordGroup[][] = [
  [[{ term: 'kaesong', weight: 1 }]],
  [
    [{ term: 'north', weight: 1 }],
    [
      { term: 'korea', weight: 1 },
      { term: 'korean', weight: 0.6 },
    ],
    [
      { term: 'talks', weight: 1 },
      { term: 'talk', weight: 0.6 },
    ],
  ],
  [[{ term: 'syrian', weight: 1 }], [{ term: 'civil', weight: 1 }], [{ term: 'war', weight: 1 }]],
];

describe('QueryScorer', () => {
  let index: CorpusIndex;
  let scorer: QueryScorer;
  beforeAll(async () => {
    const dirs = existsSync(wcep2013) ? [bundled, wcep2013] : [bundled];
    index = createSearchIndex((await loadCorpus(dirs)).records);
    scorer = new QueryScorer(index.miniSearch, (n) => ((index.tables.flags(n) & STUB) !== 0 ? 0.7 : 1));
  });

  it('ranks and scores the records with every word exactly as MiniSearch does for the same query, only faster', () => {
    for (const groups of QUERIES) {
      const ours = scorer
        .rank(
          groups.map((group) => singleWord(group)),
          () => true,
        )
        .filter(({ allWords }) => allWords)
        .slice(0, 20);
      const theirs = index.miniSearch
        .search(
          {
            combineWith: 'AND',
            queries: groups.map((group) => ({
              combineWith: 'OR',
              queries: group.map(({ term }) => term),
              boostTerm: (term: string) => group.find((form) => form.term === term)!.weight,
            })),
          },
          { boost: FIELD_BOOSTS, prefix: false, fuzzy: false },
        )
        .slice(0, 20);
      expect(ours.map(({ n }) => n).sort()).toEqual(theirs.map(({ id }) => id as number).sort());
      for (const { n, score } of ours) expect(score).toBeCloseTo(theirs.find(({ id }) => id === n)!.score, 6);
    }
  });

  it('puts the records that have every word group first, and keeps only what accept allows', () => {
    const words = QUERIES[1]!.map((group) => singleWord(group));
    const both = scorer.rank(words, () => true).filter(({ allWords }) => allWords);
    const kept = scorer.rank(words, (n) => n % 2 === 0).filter(({ allWords }) => allWords);
    expect(kept.map(({ n }) => n)).toEqual(both.map(({ n }) => n).filter((n) => n % 2 === 0));
    expect(both.length).toBeGreaterThan(0);
    for (const { n } of both) {
      const matched = scorer.matchedTerms(words, n);
      expect(matched).toContain('north');
      expect(matched.some((term) => term === 'korea' || term === 'korean')).toBe(true);
      expect(matched.some((term) => term === 'talks' || term === 'talk')).toBe(true);
    }
  });

  it('gives the first records of the ranking and how many there are, for any page size', () => {
    const queries = [
      ...QUERIES.map((groups) => groups.map((group) => singleWord(group))),
      // Few records have both: records with the rarer word follow (a partial match).
      [singleWord([{ term: 'kaesong', weight: 1 }]), singleWord([{ term: 'earthquake', weight: 1 }])],
      // A name of several words ("north korea"), or "dprk".
      [{ names: [[[{ term: 'north', weight: 1 }], [{ term: 'korea', weight: 1 }]], [[{ term: 'dprk', weight: 1 }]]], required: false }],
    ];
    for (const words of queries) {
      const ranked = scorer.rank(words, () => true);
      expect(ranked.length).toBeGreaterThan(5);
      for (const count of [1, 5, 60]) {
        expect(scorer.rankTop(words, () => true, count)).toEqual({ top: ranked.slice(0, count), total: ranked.length });
      }
    }
    const partial = scorer.rank(queries[3]!, () => true);
    expect(partial.some(({ allWords }) => !allWords)).toBe(true);
  });
});
