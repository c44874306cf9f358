import { describe, expect, it } from 'vitest';
import { isEmptyDigest, selectDigest, yearsAgoLabel } from '../../src/digest/select-digest.ts';
import { createSearchIndex } from '../../src/search/search-index.ts';
import type { CorpusRecord } from '../../src/model/record.ts';
import type { RelatedEvent } from '../../src/model/search.ts';
import { fakeSearcher } from '../support/fake-searcher.ts';
import { makeRecord } from '../support/records.ts';

const source = (name: string) => ({ name, url: `https://example.com/${name}` });

function event(id: string, date: string, overrides: Partial<CorpusRecord> = {}): CorpusRecord {
  return makeRecord({
    id,
    date,
    title: `Event ${id}`,
    summary: `Summary of ${id}.`,
    contexts: [],
    sources: [source('A')],
    image: null,
    ...overrides,
  });
}

function searcherWithRelated(records: CorpusRecord[], related: Record<string, number> = {}) {
  const base = fakeSearcher(records);
  return {
    ...base,
    related: (id: string, limit = 3): RelatedEvent[] =>
      Array.from({ length: Math.min(related[id] ?? 0, limit) }, (_, i) => ({
        id: `${id}/rel-${i}`,
        title: 'r',
        date: null,
        reason: 'test',
      })),
  };
}

describe('selectDigest', () => {
  describe('on this day', () => {
    it('takes only this month-day from earlier years, labelled by how long ago', () => {
      const records = [
        event('a', '2016-11-23'),
        event('b', '2025-11-23'),
        event('today', '2026-11-23'),
        event('other-day', '2016-11-24'),
        event('other-month', '2016-10-23'),
      ];
      const digest = selectDigest(fakeSearcher(records), '2026-11-23');
      expect(digest.onThisDay.map((item) => [item.record.id, item.label])).toEqual([
        ['b', '1 year ago'],
        ['a', '10 years ago'],
      ]);
      expect(digest.onThisDayTotal).toBe(2);
    });

    it('ranks more sources, more related events and real events over stubs first', () => {
      const records = [
        event('stub', '2012-11-23', { stub: true, sources: [] }),
        event('one-source', '2012-11-23'),
        event('three-sources', '2012-11-23', { sources: [source('A'), source('B'), source('C')] }),
        event('well-linked', '2012-11-23'),
      ];
      const digest = selectDigest(searcherWithRelated(records, { 'well-linked': 5 }), '2026-11-23');
      expect(digest.onThisDay.map((item) => [item.record.id, item.score])).toEqual([
        ['well-linked', 11],
        ['three-sources', 10],
        ['one-source', 6],
        ['stub', 0],
      ]);
    });

    it("puts events matching the channel's topic words ahead of better-sourced ones", () => {
      const records = [
        event('wide', '2015-11-23', { sources: [source('A'), source('B'), source('C')] }),
        event('korea', '2015-11-23', { contexts: ['North Korea'] }),
      ];
      const digest = selectDigest(fakeSearcher(records), '2026-11-23', { topic: 'North Korea' });
      expect(digest.onThisDay.map((item) => [item.record.id, item.score])).toEqual([
        ['korea', 2 + 4 + 8],
        ['wide', 6 + 4],
      ]);
    });

    it('counts a partial topic match for little', () => {
      const records = [
        event('kosovo', '2022-11-23', { title: 'Deal in North Kosovo' }),
        event('korea', '2010-11-23', { title: 'North Korea shells Yeonpyeong' }),
        event('other', '2019-11-23'),
      ];
      const digest = selectDigest(fakeSearcher(records), '2026-11-23', { topic: 'north korea' });
      expect(digest.onThisDay.map((item) => [item.record.id, item.score])).toEqual([
        ['korea', 2 + 4 + 8],
        ['kosovo', 2 + 4 + 2],
        ['other', 2 + 4],
      ]);
    });

    it('gives round anniversaries a nudge and breaks ties by the more recent year', () => {
      const records = [
        event('nine', '2017-11-23'),
        event('ten', '2016-11-23'),
        event('eleven', '2015-11-23'),
        event('three', '2023-11-23'),
      ];
      const digest = selectDigest(fakeSearcher(records), '2026-11-23');
      expect(digest.onThisDay.map((item) => item.record.id)).toEqual(['ten', 'three', 'nine', 'eleven']);
    });

    it('keeps to the limit but counts them all', () => {
      const records = Array.from({ length: 9 }, (_, i) => event(`e${i}`, `${2000 + i}-03-01`));
      const digest = selectDigest(fakeSearcher(records), '2026-03-01', { onThisDayLimit: 3 });
      expect(digest.onThisDay).toHaveLength(3);
      expect(digest.onThisDayTotal).toBe(9);
    });

    it('remembers 29 February on 28 February in a year without one', () => {
      const records = [event('leap', '2024-02-29'), event('plain', '2023-02-28')];
      expect(selectDigest(fakeSearcher(records), '2026-02-28').onThisDay.map((item) => item.record.id)).toEqual(['leap', 'plain']);
      expect(selectDigest(fakeSearcher(records), '2028-02-28').onThisDay.map((item) => item.record.id)).toEqual(['plain']);
      expect(selectDigest(fakeSearcher(records), '2028-02-29').onThisDay.map((item) => item.label)).toEqual(['4 years ago']);
    });
  });

  describe('newly added', () => {
    it('shows new records newest first, without stubs, unknown ids or what on-this-day already shows', () => {
      const records = [
        event('old-new', '2014-05-02'),
        event('recent-new', '2026-11-20'),
        event('new-stub', '2026-11-21', { stub: true }),
        event('anniversary', '2016-11-23'),
      ];
      const digest = selectDigest(fakeSearcher(records), '2026-11-23', {
        newRecordIds: ['old-new', 'recent-new', 'new-stub', 'gone', 'anniversary', 'recent-new'],
      });
      expect(digest.newlyAdded.map((record) => record.id)).toEqual(['recent-new', 'old-new']);
      expect(digest.newlyAddedTotal).toBe(2);
      expect(digest.onThisDay.map((item) => item.record.id)).toEqual(['anniversary']);
    });
  });

  it('says when there is nothing to say', () => {
    const digest = selectDigest(fakeSearcher([event('x', '2016-01-01')]), '2026-11-23');
    expect(digest).toEqual({ localDay: '2026-11-23', topic: '', onThisDay: [], onThisDayTotal: 0, newlyAdded: [], newlyAddedTotal: 0 });
    expect(isEmptyDigest(digest)).toBe(true);
  });

  it('works over the real search index', () => {
    const records = [
      event('news/2013/08/7/talks', '2013-08-07', { title: 'Koreas agree to Kaesong talks', contexts: ['Kaesong area'] }),
      event('news/2016/08/7/games', '2016-08-07', { title: 'Olympic games continue in Rio' }),
    ];
    const digest = selectDigest(createSearchIndex(records), '2026-08-07', { topic: 'kaesong' });
    expect(digest.onThisDay.map((item) => [item.record.id, item.label])).toEqual([
      ['news/2013/08/7/talks', '13 years ago'],
      ['news/2016/08/7/games', '10 years ago'],
    ]);
  });

  it('refuses a day that is not YYYY-MM-DD', () => {
    expect(() => selectDigest(fakeSearcher([]), 'tomorrow')).toThrow('localDay must be YYYY-MM-DD; got "tomorrow"');
  });
});

describe('yearsAgoLabel', () => {
  it('says "1 year ago" and "N years ago"', () => {
    expect([1, 2, 10].map(yearsAgoLabel)).toEqual(['1 year ago', '2 years ago', '10 years ago']);
  });
});
