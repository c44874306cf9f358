import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../src/search/search-index.ts';
import { readRawEvents, type RawEvent } from './raw-events.ts';
import { formatJudgement, judgedIndex, judgeSearcher } from './judge-searcher.ts';
import { readJudgedQueries, relevantEvents } from './judge.ts';

const wcep = new URL('../../../shared/data/wcep', import.meta.url).pathname;

describe.skipIf(!existsSync(wcep))(
  'relevance on the judged set over the full WCEP archive (skipped when ../shared/data/wcep is not here)',
  () => {
    let index: CorpusIndex;
    let events: RawEvent[];
    beforeAll(async () => {
      events = readRawEvents(wcep);
      index = await judgedIndex(wcep);
    }, 180_000);

    it('judges at least 40 queries of every kind, each with relevant events in the archive', () => {
      const queries = readJudgedQueries();
      expect(queries.length).toBeGreaterThanOrEqual(40);
      expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(['synonym', 'acronym', 'rare-name', 'typo', 'date', 'korea']));
      for (const query of queries) expect(relevantEvents(query, events).length, query.query).toBeGreaterThan(0);
    }, 120_000);

    it('ranks relevant events first: mean P@10 ≥ 0.92 and mean R@20 ≥ 0.93', () => {
      const judgement = judgeSearcher(index, events);
      console.log(formatJudgement(judgement));
      expect(judgement.meanPrecisionAt10).toBeGreaterThanOrEqual(0.92);
      expect(judgement.meanRecallAt20).toBeGreaterThanOrEqual(0.93);
    }, 120_000);
  },
);
