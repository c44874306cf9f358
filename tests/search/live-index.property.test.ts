import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CorpusRecord } from '../../src/model/record.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { decodeSnapshot, encodeSnapshot } from '../../src/search/index-snapshot.ts';
import { liveIndex, type LiveIndex } from '../../src/search/live-index.ts';
import { createSearchIndex, type CorpusIndex } from '../../src/search/search-index.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { makeRecord } from '../support/records.ts';

/**
 * The key test of the live index: after any sequence of upserts and removals it answers exactly as
 * a fresh index of the resulting records does, and so it does after a compaction (a new base of
 * the live records, then more changes) and on a base read back from a snapshot.
 */

const now = new Date('2026-11-23T09:00:00Z');
const SYNONYMS = [
  ['DPRK', 'North Korea'],
  ['Kaesong Industrial Region', 'Kaesong industrial zone'],
];
const IDS = Array.from({ length: 24 }, (_, i) => `news/2013/04/3/event-${i}`);
const DATES = ['2013-04-03', '2013-04-03', '2013-04-05', '2013-08-07', '2014-08-07', '2014-09-01', '2015-01-02', null];
/** Headline pieces: acronyms spelt out (strict and loose), actors, places, words with forms and near-misses. */
const PIECES = [
  'Kaesong Industrial Complex (KIC) reopens',
  'World Health Organization (WHO) warns',
  'Korean Central News Agency (KCNA) reports',
  'Malaysia Airlines Flight 17 (MH17) crash',
  'Park Geun-hye meets Kim Jong-un',
  'Moon Jae-in visits Pyongyang',
  'North Korea',
  'workers return to Kaesong',
  'nuclear test in Punggye-ri',
  'missile launch near Seoul',
  'talks on reopening',
  'final talks',
  'annexation of Crimea',
  'Crimea annexed',
  'zebraphone summit',
  'zebraphones banned',
  'the industrial zone',
  'sanctions on Pyongyang',
  'Koreans protest',
  'season opens',
];
const LABELS = ['2013 Korean crisis', 'Kaesong Industrial Region', 'North Korea', 'Korean Central News Agency (KCNA)', 'Zebraphone affair'];
const OUTLETS = ['BBC', 'Reuters', 'Yonhap'];
const QUERIES = [
  'kaesong',
  'kaesnog',
  'kaeso',
  'zebrafone',
  'zebraphone',
  'talks 2013',
  '2013',
  'April 2013',
  '7 Aug',
  'kaesong 7 Aug',
  '"final talks"',
  '"industrial zone" kaesong',
  'talks -nuclear',
  'talks -"final talks"',
  'kaesong workers missile zebraphone summit',
  'WHO',
  'KIC talks',
  'DPRK',
  'KCNA',
  'MH17',
  'annexation',
  'korea',
  'reopen',
  'park geun-hye',
];
const MONTH_DAYS: [number, number][] = [
  [4, 3],
  [8, 7],
  [1, 2],
];
const SUGGESTED = ['kaesnog', 'zebrafone', 'talk', 'nuclaer', 'crimeea'];

const sentence = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(', '));
const recordBody = fc.record({
  date: fc.constantFrom(...DATES),
  title: sentence.map((text) => `${text}.`),
  summary: fc.option(sentence, { nil: null }),
  contexts: fc.uniqueArray(fc.constantFrom(...LABELS), { maxLength: 2 }),
  sources: fc.subarray(OUTLETS),
  article: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  stub: fc.boolean(),
  /** An explicit Related link to another id, which may be in either segment, or in neither. */
  link: fc.option(fc.nat({ max: 23 }), { nil: null, freq: 3 }),
});
type Body = typeof recordBody extends fc.Arbitrary<infer T> ? T : never;

function record(id: string, body: Body): CorpusRecord {
  const stub = body.stub && !body.article && body.summary === null;
  return makeRecord({
    id,
    kind: body.article ? 'article' : 'event',
    date: body.date,
    title: body.title,
    summary: body.summary ?? body.title,
    body: body.article ? `${body.title} ${body.summary ?? ''} analysis` : '',
    image: null,
    sources: stub ? [] : body.sources.map((name) => ({ name, url: null })),
    contexts: body.contexts,
    category: stub ? null : 'Politics',
    stub,
    related: body.link === null ? [] : [{ id: IDS[body.link]!, title: 'Linked', date: null, contexts: [] }],
  });
}

const anId = fc.constantFrom(...IDS);
const entry = fc.tuple(anId, recordBody).map(([id, body]) => record(id, body));
const change = fc.oneof(
  fc.record({ upsert: fc.array(entry, { minLength: 1, maxLength: 3 }) }),
  fc.record({ remove: fc.array(anId, { minLength: 1, maxLength: 3 }) }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;
const corpus = fc.uniqueArray(entry, { minLength: 4, maxLength: 18, selector: (one) => one.id });
const changes = fc.array(change, { minLength: 1, maxLength: 8 });

/** Scores as compared: equal within float tolerance. */
const score = (value: number) => Number(value.toPrecision(12));

/**
 * Applies changes to a live index and to the model (the live records by id). Between steps, a query
 * with an acronym and a typo sees the index as it is then (it must not keep what it saw before).
 */
function apply(live: LiveIndex, model: Map<string, CorpusRecord>, steps: readonly Change[]): void {
  for (const step of steps) {
    if ('upsert' in step) {
      live.upsert(step.upsert);
      for (const one of step.upsert) model.set(one.id, one);
    } else {
      live.remove(step.remove);
      for (const id of step.remove) model.delete(id);
    }
    const query = parseQuery('KIC WHO zebrafone', { now });
    const found = (index: Searcher) => {
      const page = index.search(query, { limit: 100, relatedLimit: 0 });
      return { corrections: page.corrections, hits: page.hits.map((hit) => [hit.record.id, score(hit.score)]) };
    };
    expect(found(live)).toEqual(found(createSearchIndex([...model.values()], SYNONYMS)));
  }
}

function answers(index: Searcher) {
  return {
    size: index.size,
    searches: QUERIES.map((text) => {
      const page = index.search(parseQuery(text, { now }), { limit: 100, relatedLimit: 2 });
      return {
        text,
        total: page.total,
        relaxed: page.relaxed,
        corrections: page.corrections,
        hits: page.hits.map((hit) => ({ record: hit.record, score: score(hit.score), matched: hit.matchedTerms, related: hit.related })),
      };
    }),
    related: IDS.map((id) => index.related(id, 4)),
    onThisDay: MONTH_DAYS.map(([month, day]) => index.onThisDay(month, day)),
    suggestions: SUGGESTED.map((word) => index.suggest(word, 5)),
    records: IDS.map((id) => index.get(id) ?? null),
  };
}

function expectLikeFresh(live: LiveIndex, model: Map<string, CorpusRecord>): void {
  const fresh = createSearchIndex([...model.values()], SYNONYMS);
  expect(answers(live)).toEqual(answers(fresh));
  const removedFromBase = [...idsOf(live.base)].filter((id) => !model.has(id) || live.changes().upserted.some((one) => one.id === id));
  expect(live.stats()).toEqual({
    baseRecords: live.base.size,
    deltaRecords: live.changes().upserted.length,
    tombstones: removedFromBase.length,
  });
}

function idsOf(index: CorpusIndex): string[] {
  return IDS.filter((id) => index.get(id) !== undefined);
}

describe('live index, model-based', () => {
  it('answers as a fresh build of its records, after changes, a compaction and a snapshot round trip', () => {
    fc.assert(
      fc.property(corpus, changes, changes, (records, first, second) => {
        const base = createSearchIndex(records, SYNONYMS);
        const model = new Map(records.map((one) => [one.id, one]));
        const live = liveIndex(base);
        apply(live, model, first);
        expectLikeFresh(live, model);

        const restored = liveIndex(decodeSnapshot(encodeSnapshot(base, { fingerprint: 'f', files: 1, problems: [] }), 'f').index);
        apply(restored, new Map(records.map((one) => [one.id, one])), first);
        expect(answers(restored)).toEqual(answers(live));

        const compacted = liveIndex(createSearchIndex([...model.values()], base.synonyms));
        apply(compacted, model, second);
        expectLikeFresh(compacted, model);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
