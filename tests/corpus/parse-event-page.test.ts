import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEventPage } from '../../src/corpus/parse-event-page.ts';

const SEED = new URL('../../corpus/events/2013-08-07-kaesong-talks-resume.md', import.meta.url);
const FILE = 'corpus/events/2013-08-07-kaesong-talks-resume.md';
const KAESONG = ['Kaesong area', 'North Korea', 'South Korea'];

describe('parseEventPage on seed 000', () => {
  const { records, problems } = parseEventPage(readFileSync(SEED, 'utf8'), FILE);
  const record = records[0]!;

  it('reads one record without problems', () => {
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
  });

  it('takes the id from the date and headline, in the link scheme', () => {
    expect(record.id).toBe('news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks-on-reopening-the-kaesong-industrial-zone');
    expect(record.kind).toBe('event');
    expect(record.stub).toBe(false);
  });

  it('pads the unpadded day of the heading', () => {
    expect(record.date).toBe('2013-08-07');
  });

  it('trims the headline', () => {
    expect(record.title).toBe('North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.');
  });

  it('decodes entities in the summary', () => {
    expect(record.summary).toBe(
      'North and South Korea agree to resume talks on reopening the joint Kaesong zone, days after Seoul demanded "final talks" on the matter.',
    );
    expect(record.body).toBe('');
  });

  it('keeps the Cover Image out of the sources', () => {
    expect(record.sources).toEqual([
      { name: 'BBC', url: 'http://www.bbc.co.uk/news/world-asia-23586026' },
      { name: 'Sky News', url: 'http://news.sky.com/story/1125548/koreas-agree-to-talks-complex-may-re-open' },
    ]);
    expect(record.image).toBe('https://ichef-1.bbci.co.uk/news/1024/media/images/69152000/jpg/_69152117_69152116.jpg');
  });

  it('reads the five Related links with their ids, titles, dates and contexts', () => {
    expect(record.related).toEqual([
      {
        id: 'news/2016/02/11/south-korea-starts-withdrawing-its-nationals-from-the-kaesong-industrial-region-in-protest-to-recent-actions-by-north-korea',
        title:
          'South Korea starts withdrawing its nationals from the Kaesong Industrial Region in protest to recent actions by North Korea.',
        date: '2016-02-11',
        contexts: KAESONG,
      },
      {
        id: 'news/2016/01/7/south-korea-says-it-will-resume-cross-border-propaganda-broadcasts-and-limit-entry-to-the-kaesong-industrial-region-in-response-to-yesterday',
        title:
          'South Korea says it will resume cross-border propaganda broadcasts and limit entry to the Kaesong Industrial Region in response to yesterday\'s nuclear test at the North\'s Punggye-ri Nuclear Test Site. North Korea considers the propaganda broadcasts to be "an act of war".',
        date: '2016-01-07',
        contexts: KAESONG,
      },
      {
        id: 'news/2013/08/14/2013-korean-crisis-north-and-south-korea-agree-to-reopen-the-jointly-operated-kaesong-industrial-region',
        title: '2013 Korean crisis: North and South Korea agree to reopen the jointly-operated Kaesong Industrial Region.',
        date: '2013-08-14',
        contexts: KAESONG,
      },
      {
        id: 'news/2013/04/26/south-korea-announces-that-it-will-withdraw-its-remaining-workers-from-north-korea-s-kaesong-industrial-region-to-protect-their-safety-after',
        title:
          "South Korea announces that it will withdraw its remaining workers from North Korea's Kaesong Industrial Region to protect their safety after the North Korean government rejects talks.",
        date: '2013-04-26',
        contexts: KAESONG,
      },
      {
        id: 'news/2013/04/17/north-korea-blocks-a-delegation-of-south-korean-businessmen-from-delivering-food-and-supplies-to-200-of-their-staff-inside-the-closed-kaeson',
        title:
          'North Korea blocks a delegation of South Korean businessmen from delivering food and supplies to 200 of their staff inside the closed Kaesong joint industrial zone.',
        date: '2013-04-17',
        contexts: KAESONG,
      },
    ]);
  });

  it('takes its own contexts from what all its Related links share, having none of its own', () => {
    expect(record.contexts).toEqual(KAESONG);
    expect(record.category).toBeNull();
  });

  it('points its origin at the heading line', () => {
    expect(record.origin).toEqual({ file: FILE, line: 1, format: 'event-page' });
  });
});

describe('parseEventPage on malformed pages', () => {
  it('reports a heading with an impossible date and reads nothing', () => {
    const outcome = parseEventPage('### [2013-02-30](/news/2013/02/30/index.md)\n\n# Headline\n', 'bad.md');
    expect(outcome).toEqual({
      records: [],
      problems: [{ file: 'bad.md', line: 1, reason: 'event page heading has no valid date: "2013-02-30"' }],
    });
  });

  it('reports a page without a headline', () => {
    const outcome = parseEventPage('### [2013-08-7](/news/2013/08/7/index.md)\n\nJust text.\n', 'bad.md');
    expect(outcome.records).toEqual([]);
    expect(outcome.problems).toEqual([
      { file: 'bad.md', line: 3, reason: 'text before the "# headline" line' },
      { file: 'bad.md', line: 1, reason: 'event page has no "# headline" line' },
    ]);
  });

  it('reports a broken Related item with its line and keeps the rest of the page', () => {
    const text = [
      '### [2013-08-7](/news/2013/08/7/index.md)',
      '',
      '# Talks &amp; more',
      '',
      '_Context: Korea talks_',
      '',
      '### Related:',
      '',
      '1. [Elsewhere](https://example.com/x) _Context: A_',
      '2. not a link',
    ].join('\n');
    const { records, problems } = parseEventPage(text, 'page.md');
    expect(problems).toEqual([
      { file: 'page.md', line: 9, reason: 'Related link is not a /news/YYYY/MM/D/slug.md path: "https://example.com/x"' },
      { file: 'page.md', line: 10, reason: 'not a numbered [text](link) item in the Related list' },
    ]);
    expect(records.map((record) => [record.title, record.contexts, record.related])).toEqual([['Talks & more', ['Korea talks'], []]]);
  });
});
