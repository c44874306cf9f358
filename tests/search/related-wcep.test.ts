import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { createSearchIndex, type CorpusIndex } from '../../src/search/search-index.ts';

const wcep = new URL('../../../shared/data/wcep', import.meta.url).pathname;
const bundled = new URL('../../corpus', import.meta.url).pathname;
const years = ['2012', '2013', '2014', '2015', '2016'].map((year) => `${wcep}/${year}`);
const SEED = 'news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks-on-reopening-the-kaesong-industrial-zone';
const ABOUT_THE_KOREAS = /kaesong|north korea|south korea|korean|pyongyang|seoul/i;

describe.skipIf(!existsSync(wcep))('related events on five years of WCEP (skipped: ../shared/data/wcep is not here)', () => {
  let index: CorpusIndex;
  beforeAll(async () => {
    index = createSearchIndex((await loadCorpus([bundled, ...years])).records);
  });

  it('relates the seed Kaesong event to Kaesong and inter-Korean events only, its own links first', () => {
    const related = index.related(SEED, 8);
    expect(related.slice(0, 5).map((event) => event.reason)).toEqual(Array(5).fill('linked from the event page'));
    expect(related).toHaveLength(8);
    for (const event of related) expect(event.title).toMatch(ABOUT_THE_KOREAS);
  });

  it('relates a WCEP Kaesong event with no links of its own by what it is about, not by "talks"', () => {
    const [talks] = index.search({
      raw: '',
      terms: ['kaesong', 'offers', 'talks'],
      phrases: [],
      excludes: [],
      date: { kind: 'range', range: { from: '2013-07-04', to: '2013-07-04' } },
      dateLabel: null,
      timeline: false,
    }).hits;
    expect(talks?.record.title).toMatch(/^South Korea offers to hold talks with North Korea over reopening a joint factory complex/);
    const related = index.related(talks!.record.id, 5);
    expect(related).toHaveLength(5);
    for (const event of related) {
      expect(event.title).toMatch(ABOUT_THE_KOREAS);
      expect(event.id).not.toBe(talks!.record.id);
    }
  });
});
