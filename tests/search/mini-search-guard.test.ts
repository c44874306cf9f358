import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPostings } from '../../src/search/build-postings.ts';
import {
  indexShape,
  restoreMiniSearch,
  termsNear,
  termsStartingWith,
  VERIFIED_MINISEARCH,
} from '../../src/search/mini-search-internals.ts';
import { documentWeight, FIELD_BOOSTS } from '../../src/search/mini-search.ts';
import { QueryScorer, singleWord, type WordGroup } from '../../src/search/score-query.ts';
import { generatedCorpus, twoIndexes, type TwoIndexes } from './generated-corpus.ts';

const UPGRADE = 'see "Upgrading MiniSearch" in src/search/README.md';

function installedMiniSearch(): { version: string } {
  const entry = createRequire(import.meta.url).resolve('minisearch');
  return JSON.parse(readFileSync(join(dirname(entry), '..', '..', 'package.json'), 'utf8'));
}

describe('the minisearch that src/search/ reaches into', () => {
  it('is the release it was verified with, pinned exactly', () => {
    const { version } = installedMiniSearch();
    expect(version, `minisearch ${version} is installed, but src/search/ was verified with ${VERIFIED_MINISEARCH}: ${UPGRADE}`).toBe(
      VERIFIED_MINISEARCH,
    );
    const wanted = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).dependencies.minisearch;
    expect(wanted, `package.json must pin minisearch to ${VERIFIED_MINISEARCH} exactly, not a range: ${UPGRADE}`).toBe(VERIFIED_MINISEARCH);
  });
});

describe('an index whose MiniSearch state has another shape', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fails where it is made, naming the field and the verified version', () => {
    const built = buildPostings(generatedCorpus(20));
    const loadJS = MiniSearch.loadJS.bind(MiniSearch);
    vi.spyOn(MiniSearch, 'loadJS').mockImplementation((json, options) => {
      const index = loadJS(json, options) as unknown as Record<string, unknown>;
      index['_averageFieldLength'] = index['_avgFieldLength'];
      delete index['_avgFieldLength'];
      return index as unknown as MiniSearch;
    });
    expect(() => restoreMiniSearch(built.shape, new Uint8Array(20), built.fieldLengths, built.terms, built.postings)).toThrow(
      `MiniSearch's private state is not what src/search/ was verified with (minisearch 7.2.0): _avgFieldLength missing or changed. ` +
        `Install minisearch 7.2.0, or see "Upgrading MiniSearch" in src/search/README.md.`,
    );
  });

  it('fails where it is read, instead of scoring NaN', () => {
    const { reference } = twoIndexes(20);
    (reference as unknown as Record<string, unknown>)['_documentCount'] = undefined;
    expect(() => indexShape(reference)).toThrow('(minisearch 7.2.0): _documentCount missing or changed.');
  });
});

/** Results in a fixed order, scores to 9 places: ties may come out of MiniSearch in either order. */
function comparable(results: SearchResult[]) {
  return results
    .map(({ id, score, terms, match }) => ({ id: id as number, score: score.toFixed(9), terms: [...terms].sort(), match }))
    .sort((a, b) => a.id - b.id);
}

describe('a restored index, against one MiniSearch built itself (3,000 generated records)', () => {
  let indexes: TwoIndexes;
  let words: string[];
  beforeAll(() => {
    indexes = twoIndexes(3000);
    const all = termsStartingWith(indexes.reference, '');
    words = Array.from({ length: 40 }, (_, i) => all[Math.floor((i * all.length) / 40)]!);
  });

  const searches: [string, (word: string) => [string, SearchOptions]][] = [
    ['exact words', (word) => [word, {}]],
    ['prefixes', (word) => [word.slice(0, 3), { prefix: true }]],
    ['typos, one edit', (word) => [`${word}x`, { fuzzy: 1 }]],
    ['typos, 20% of the length', (word) => [`x${word.slice(1)}`, { fuzzy: 0.2, prefix: true }]],
    ['two words, both', (word) => [`${word} ${word.slice(0, 2)}`, { combineWith: 'AND', prefix: true }]],
  ];
  for (const [what, search] of searches) {
    it(`answers MiniSearch's own search for ${what} with the same records, terms and scores`, () => {
      let found = 0;
      for (const word of words) {
        const [query, options] = search(word);
        const theirs = indexes.reference.search(query, options);
        expect(comparable(indexes.restored.search(query, options)), query).toEqual(comparable(theirs));
        found += theirs.length;
      }
      expect(found).toBeGreaterThan(words.length);
    });
  }

  it('lists the same terms by prefix and by edit distance', () => {
    for (const word of words) {
      expect(termsStartingWith(indexes.restored, word.slice(0, 2))).toEqual(termsStartingWith(indexes.reference, word.slice(0, 2)));
      expect(termsNear(indexes.restored, word, 2)).toEqual(termsNear(indexes.reference, word, 2));
    }
  });

  it('scores records with every word exactly as MiniSearch scores the same AND query', () => {
    const scorer = new QueryScorer(indexes.restored, (n) => documentWeight(indexes.flags, n));
    for (let i = 0; i + 2 < words.length; i += 3) {
      const groups: WordGroup[] = [
        [
          { term: words[i]!, weight: 1 },
          { term: words[i + 1]!, weight: 0.6 },
        ],
        [{ term: words[i + 2]!, weight: 1 }],
      ];
      const queries = groups.map((group) => ({
        combineWith: 'OR' as const,
        queries: group.map(({ term }) => term),
        boostTerm: (term: string) => group.find((form) => form.term === term)!.weight,
      }));
      const theirs = indexes.reference.search({ combineWith: 'AND', queries }, { boost: FIELD_BOOSTS, prefix: false, fuzzy: false });
      const ours = scorer
        .rank(
          groups.map((group) => singleWord(group)),
          () => true,
        )
        .filter(({ allWords }) => allWords);
      expect(ours.map(({ n, score }) => ({ id: n, score: score.toFixed(9) })).sort((a, b) => a.id - b.id)).toEqual(
        theirs.map(({ id, score }) => ({ id: id as number, score: score.toFixed(9) })).sort((a, b) => a.id - b.id),
      );
    }
  });
});
