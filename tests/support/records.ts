import type { CorpusRecord } from '../../src/model/record.ts';
import type { SearchHit } from '../../src/model/search.ts';

/** A corpus record with sensible defaults; tests override what they care about. */
export function makeRecord(overrides: Partial<CorpusRecord> = {}): CorpusRecord {
  const title = overrides.title ?? 'North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.';
  return {
    id: 'news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks',
    kind: 'event',
    date: '2013-08-07',
    title,
    summary:
      'North and South Korea agree to resume talks on reopening the joint Kaesong zone, days after Seoul demanded "final talks" on the matter.',
    body: '',
    image: 'https://ichef-1.bbci.co.uk/news/1024/media/images/69152000/jpg/_69152117_69152116.jpg',
    sources: [
      { name: 'BBC', url: 'http://www.bbc.co.uk/news/world-asia-23586026' },
      { name: 'Sky News', url: 'http://news.sky.com/story/1125548/koreas-agree-to-talks-complex-may-re-open' },
    ],
    contexts: ['Kaesong area', 'North Korea', 'South Korea'],
    category: null,
    related: [],
    stub: false,
    origin: { file: 'corpus/000.txt', line: 1, format: 'event-page' },
    ...overrides,
  };
}

export function makeHit(record: CorpusRecord = makeRecord(), overrides: Partial<SearchHit> = {}): SearchHit {
  return { record, score: 1, matchedTerms: ['kaesong'], related: [], ...overrides };
}

/** A small Kaesong timeline: one event a month from Jan 2013, alternating between two stories. */
export function kaesongTimeline(count = 12): CorpusRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const year = 2013 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    const story = i % 2 === 0 ? 'Kaesong industrial zone talks' : 'Kaesong factory workers return';
    return makeRecord({
      id: `news/${year}/${month}/1/event-${i}`,
      date: `${year}-${month}-01`,
      title: `${story}, round ${i + 1}`,
      summary: `Event ${i + 1} about the Kaesong industrial region.`,
      image: null,
    });
  });
}
