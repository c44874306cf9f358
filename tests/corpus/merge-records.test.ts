import { describe, expect, it } from 'vitest';
import { compareRichness, mergeRecords, mergeSources } from '../../src/corpus/merge-records.ts';
import type { CorpusRecord } from '../../src/model/record.ts';

function record(overrides: Partial<CorpusRecord>): CorpusRecord {
  return {
    id: 'news/2013/08/7/talks',
    kind: 'event',
    date: '2013-08-07',
    title: 'Talks',
    summary: 'Talks',
    body: '',
    image: null,
    sources: [],
    contexts: [],
    category: null,
    related: [],
    stub: false,
    origin: { file: 'a.yaml', line: 1, format: 'wcep-daily' },
    ...overrides,
  };
}

describe('mergeSources', () => {
  it('drops repeats and an outlet without a link when the same outlet has one', () => {
    expect(
      mergeSources([
        { name: 'BBC', url: 'https://bbc.co.uk/1' },
        { name: 'bbc', url: null },
        { name: 'Reuters', url: null },
        { name: 'Reuters', url: null },
        { name: 'BBC', url: 'https://bbc.co.uk/1' },
        { name: 'BBC', url: 'https://bbc.co.uk/2' },
      ]),
    ).toEqual([
      { name: 'BBC', url: 'https://bbc.co.uk/1' },
      { name: 'Reuters', url: null },
      { name: 'BBC', url: 'https://bbc.co.uk/2' },
    ]);
  });
});

describe('compareRichness', () => {
  it('prefers a full record, then a longer summary, then an image, then linked sources, then more sources', () => {
    const order = [
      record({ stub: true, summary: 'a much longer summary than any other' }),
      record({ summary: 'short' }),
      record({ summary: 'longer text' }),
      record({ summary: 'longer text', image: 'img.jpg' }),
      record({
        summary: 'longer text',
        image: 'img.jpg',
        sources: [
          { name: 'A', url: null },
          { name: 'B', url: null },
        ],
      }),
      record({ summary: 'longer text', image: 'img.jpg', sources: [{ name: 'A', url: 'https://a' }] }),
    ];
    expect([...order].sort(compareRichness)).toEqual([...order].reverse());
  });
});

describe('mergeRecords', () => {
  it('makes one record of the same id: the richer wins, sources, contexts and category combine', () => {
    const page = record({
      summary: 'A longer summary from the event page.',
      image: 'img.jpg',
      contexts: ['Kaesong area'],
      sources: [{ name: 'BBC', url: 'https://bbc.co.uk/x' }],
      origin: { file: 'page.md', line: 1, format: 'event-page' },
    });
    const wcep = record({
      sources: [
        { name: 'BBC', url: null },
        { name: 'Sky News', url: null },
      ],
      category: 'International relations',
      contexts: ['kaesong AREA', 'Korea'],
    });
    expect(mergeRecords([wcep, page])).toEqual([
      {
        ...page,
        category: 'International relations',
        sources: [
          { name: 'BBC', url: 'https://bbc.co.uk/x' },
          { name: 'Sky News', url: null },
        ],
        contexts: ['Kaesong area', 'Korea'],
      },
    ]);
  });

  it("adds one stub per Related link to a missing id, and lets a full record replace it, keeping the link's contexts", () => {
    const link = { id: 'news/2013/04/17/blocked', title: 'Blocked.', date: '2013-04-17', contexts: ['North Korea'] };
    const page = record({ related: [link, { ...link, contexts: ['South Korea'] }] });
    const merged = mergeRecords([page]);
    expect(merged.map((r) => [r.id, r.stub, r.title, r.date, r.summary, r.contexts])).toEqual([
      ['news/2013/04/17/blocked', true, 'Blocked.', '2013-04-17', '', ['North Korea', 'South Korea']],
      ['news/2013/08/7/talks', false, 'Talks', '2013-08-07', 'Talks', []],
    ]);
    const full = record({ id: link.id, date: link.date, title: 'Blocked.', summary: 'Blocked.', sources: [{ name: 'AFP', url: null }] });
    const replaced = mergeRecords([page, full]);
    expect(replaced.map((r) => [r.id, r.stub, r.sources, r.contexts])).toEqual([
      ['news/2013/04/17/blocked', false, [{ name: 'AFP', url: null }], ['North Korea', 'South Korea']],
      ['news/2013/08/7/talks', false, [], []],
    ]);
  });

  it('orders by date, then id, with undated records last, whatever the input order', () => {
    const input = [
      record({ id: 'article/b', kind: 'article', date: null }),
      record({ id: 'news/2014/01/1/z', date: '2014-01-01' }),
      record({ id: 'news/2013/08/7/b' }),
      record({ id: 'article/a', kind: 'article', date: '2013-08-07' }),
    ];
    const ids = ['article/a', 'news/2013/08/7/b', 'news/2014/01/1/z', 'article/b'];
    expect(mergeRecords(input).map((r) => r.id)).toEqual(ids);
    expect(mergeRecords([...input].reverse()).map((r) => r.id)).toEqual(ids);
  });
});
