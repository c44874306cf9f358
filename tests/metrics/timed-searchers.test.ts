import { describe, expect, it } from 'vitest';
import { queryKind } from '../../src/metrics/query-kind.ts';
import { timedSearchers } from '../../src/metrics/timed-searchers.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { searcherProvider } from '../../src/slack/searcher-provider.ts';
import { fakeSearcher } from '../support/fake-searcher.ts';
import { makeRecord } from '../support/records.ts';
import { recordingMetrics } from './recording-metrics.ts';

const now = new Date('2026-11-23T09:00:00Z');
const kind = (text: string) => queryKind(parseQuery(text, { now }));

describe('queryKind', () => {
  it('reads the kind from the parsed query', () => {
    expect(kind('kaesong talks')).toBe('words');
    expect(kind('kaesong 2013')).toBe('words-and-date');
    expect(kind('kaesong since Aug 2013')).toBe('words-and-date');
    expect(kind('2013')).toBe('timeline');
    expect(kind('last week')).toBe('timeline');
    expect(kind('on this day')).toBe('on-this-day');
  });
});

describe('timedSearchers', () => {
  const records = [makeRecord({ id: 'news/2013/08/7/kaesong', date: '2013-08-07', title: 'Kaesong talks resume' })];

  it('times each search by kind and each "did you mean", and answers as the index does', () => {
    const metrics = recordingMetrics();
    let clock = 0;
    const searcher = fakeSearcher(records);
    const timed = timedSearchers(searcherProvider(searcher), metrics, () => (clock += 2)).current()!;
    const query = parseQuery('kaesong 2013', { now });
    expect(timed.search(query, { limit: 5 })).toEqual(searcher.search(query, { limit: 5 }));
    expect(timed.suggest('keasong', 1)).toEqual(searcher.suggest('keasong', 1));
    expect(timed.size).toBe(1);
    expect(metrics.calls).toEqual(['queryAnswered(words-and-date)', 'queryAnswered(did-you-mean)']);
    expect(metrics.seconds).toEqual([0.002, 0.002]);
  });

  it('wraps each index once, and a new one after a reload', async () => {
    const provider = searcherProvider();
    const timed = timedSearchers(provider, recordingMetrics());
    expect(timed.current()).toBeNull();
    provider.set(fakeSearcher(records));
    const first = timed.current();
    expect(timed.current()).toBe(first);
    expect(await timed.whenReady()).toBe(first);
    provider.set(fakeSearcher([]));
    expect(timed.current()).not.toBe(first);
    expect(timed.current()!.size).toBe(0);
  });
});
