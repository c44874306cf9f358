import { describe, expect, it } from 'vitest';
import { liveIndex } from '../../src/search/live-index.ts';
import { createSearchIndex } from '../../src/search/search-index.ts';
import { kaesongTimeline, makeRecord } from '../support/records.ts';
import { makeQuery } from '../support/queries.ts';

const added = makeRecord({ id: 'news/2014/03/2/zebra-talks', date: '2014-03-02', title: 'Zebra talks open in Kaesong', contexts: [] });

describe('live index', () => {
  it('finds an added record, and no longer a removed one', () => {
    const index = liveIndex(createSearchIndex(kaesongTimeline(6)));
    index.upsert([added]);
    expect(index.search(makeQuery({ terms: ['zebra'] })).hits.map((hit) => hit.record.id)).toEqual([added.id]);
    expect(index.stats()).toEqual({ baseRecords: 6, deltaRecords: 1, tombstones: 0 });
    index.remove([added.id, 'news/2013/01/1/event-0']);
    expect(index.search(makeQuery({ terms: ['zebra'] })).total).toBe(0);
    expect(index.get('news/2013/01/1/event-0')).toBeUndefined();
    expect(index.changes()).toEqual({ upserted: [], removed: ['news/2013/01/1/event-0'] });
  });
});
