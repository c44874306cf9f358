import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { liveIndex } from '../../src/search/live-index.ts';
import { createSearchIndex } from '../../src/search/search-index.ts';
import type { Searcher } from '../../src/search/searcher.ts';

const corpusDir = new URL('../../corpus', import.meta.url).pathname;
const wcep2013 = new URL('../../../shared/data/wcep/2013', import.meta.url).pathname;
const now = new Date('2026-11-23T09:00:00Z');
const QUERIES = [
  'kaesong',
  'keasong',
  'north korea talks',
  'syrian civil war aleppo',
  'ebola',
  '"chemical weapons"',
  'talks -nuclear',
  'kaesong 2013',
  'Aug 2013',
  '7 Aug',
  'DPRK',
  'WHO',
  'pope francis vatican',
];

function answers(index: Searcher, ids: readonly string[]) {
  return {
    size: index.size,
    searches: QUERIES.map((text) => {
      const page = index.search(parseQuery(text, { now }), { limit: 20, relatedLimit: 3 });
      const hits = page.hits.map((hit) => [hit.record.id, hit.score.toPrecision(12), hit.matchedTerms, hit.related]);
      return { text, total: page.total, relaxed: page.relaxed, corrections: page.corrections, hits };
    }),
    related: ids.map((id) => index.related(id, 3)),
    onThisDay: index.onThisDay(8, 7).map((record) => record.id),
    suggestions: ['keasong', 'chemcial', 'pyongyan'].map((word) => index.suggest(word)),
  };
}

describe('live index on a year of WCEP', () => {
  it('answers as a fresh build after adding, replacing and removing records', async (context) => {
    if (!existsSync(wcep2013)) context.skip('../shared/data/wcep is not here');
    const { records, synonyms } = await loadCorpus([corpusDir, wcep2013]);
    // Every 40th record comes later, through the live index; some of the base is removed or rewritten.
    const later = records.filter((_, i) => i % 40 === 7);
    const base = createSearchIndex(
      records.filter((_, i) => i % 40 !== 7),
      synonyms,
    );
    const live = liveIndex(base);
    live.upsert(later);
    const removed = records.filter((_, i) => i % 97 === 3).map((record) => record.id);
    live.remove(removed);
    const rewritten = records
      .filter((_, i) => i % 131 === 5)
      .map((record, i) => ({
        ...record,
        title: `${record.title} Kaesong talks resume (${i}).`,
        contexts: [...record.contexts, 'Kaesong'],
      }));
    live.upsert(rewritten);

    const resulting = new Map(records.map((record) => [record.id, record]));
    for (const id of removed) resulting.delete(id);
    for (const record of rewritten) resulting.set(record.id, record);
    const fresh = createSearchIndex([...resulting.values()], synonyms);
    const ids = [...later, ...rewritten].slice(0, 60).map((record) => record.id);
    const removedSet = new Set(removed);
    const inDelta = new Set([
      ...later.map((record) => record.id).filter((id) => !removedSet.has(id)),
      ...rewritten.map((record) => record.id),
    ]);
    const hidden = [...removedSet, ...rewritten.map((record) => record.id)].filter((id) => base.get(id) !== undefined);
    expect(live.stats()).toEqual({ baseRecords: base.size, deltaRecords: inDelta.size, tombstones: new Set(hidden).size });
    expect(answers(live, ids)).toEqual(answers(fresh, ids));
  });
});
