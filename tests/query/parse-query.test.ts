import { describe, expect, it } from 'vitest';
import type { DateFilter, ParsedQuery } from '../../src/model/query.ts';
import { parseQuery } from '../../src/query/parse-query.ts';

/** Monday 23 November 2026, 09:00 UTC (18:00 in Seoul). */
const NOW = new Date('2026-11-23T09:00:00Z');

interface Expected {
  terms?: string[];
  phrases?: string[];
  excludes?: string[];
  date?: DateFilter | null;
  label?: string | null;
  timeline?: boolean;
}

const range = (from: string | null, to: string | null): DateFilter => ({ kind: 'range', range: { from, to } });
const monthDay = (month: number, day: number): DateFilter => ({ kind: 'month-day', month, day });

function expected(input: string, e: Expected): ParsedQuery {
  return {
    raw: input.trim(),
    terms: e.terms ?? [],
    phrases: e.phrases ?? [],
    excludes: e.excludes ?? [],
    date: e.date ?? null,
    dateLabel: e.label ?? null,
    timeline: e.timeline ?? false,
  };
}

type Row = [input: string, expected: Expected];

function table(rows: Row[], timeZone?: string, now = NOW): void {
  it.each(rows)('%s', (input, e) => {
    expect(parseQuery(input, timeZone === undefined ? { now } : { now, timeZone })).toEqual(expected(input, e));
  });
}

describe('parseQuery', () => {
  describe('free words, phrases and excludes', () => {
    table([
      ['kaesong', { terms: ['kaesong'] }],
      ['  Kaesong   Industrial\tComplex ', { terms: ['Kaesong', 'Industrial', 'Complex'] }],
      ['개성공단 남북', { terms: ['개성공단', '남북'] }],
      ['"final talks" kaesong', { terms: ['kaesong'], phrases: ['final talks'] }],
      ['\u201Cfinal   talks\u201D', { phrases: ['final talks'] }],
      ['\u201Ejoint committee\u201C', { phrases: ['joint committee'] }],
      ['"unbalanced quote', { terms: ['unbalanced', 'quote'] }],
      ['"a" "b" "c', { phrases: ['a', 'b'], terms: ['c'] }],
      ['"" "   " kaesong', { terms: ['kaesong'] }],
      ['kaesong -nuclear -missile', { terms: ['kaesong'], excludes: ['nuclear', 'missile'] }],
      ['kaesong -"six party talks"', { terms: ['kaesong'], excludes: ['six party talks'] }],
      ['kaesong - talks', { terms: ['kaesong', 'talks'] }],
      ['kaesong --nuclear', { terms: ['kaesong'], excludes: ['nuclear'] }],
      ['kaesong -- -, -!', { terms: ['kaesong'] }],
      ['Kaesong, talks; (closure)', { terms: ['Kaesong', 'talks', 'closure'] }],
      ["U.S. Kim's G20 737", { terms: ['U.S.', "Kim's", 'G20', '737'] }],
      ['... , ! ?', {}],
      ['', {}],
      ['   ', {}],
    ]);
  });

  describe('years and year ranges', () => {
    table([
      ['2013', { date: range('2013-01-01', '2013-12-31'), label: '2013', timeline: true }],
      ['kaesong 2013', { terms: ['kaesong'], date: range('2013-01-01', '2013-12-31'), label: '2013' }],
      ['개성공단 2013', { terms: ['개성공단'], date: range('2013-01-01', '2013-12-31'), label: '2013' }],
      ['1900', { date: range('1900-01-01', '1900-12-31'), label: '1900', timeline: true }],
      ['2100', { date: range('2100-01-01', '2100-12-31'), label: '2100', timeline: true }],
      ['1899 2101', { terms: ['1899', '2101'] }],
      ['2013-2016', { date: range('2013-01-01', '2016-12-31'), label: '2013–2016', timeline: true }],
      ['2013..2016', { date: range('2013-01-01', '2016-12-31'), label: '2013–2016', timeline: true }],
      ['2013–2016', { date: range('2013-01-01', '2016-12-31'), label: '2013–2016', timeline: true }],
      ['2013 to 2016', { date: range('2013-01-01', '2016-12-31'), label: '2013–2016', timeline: true }],
      ['2013 - 2016', { date: range('2013-01-01', '2016-12-31'), label: '2013–2016', timeline: true }],
      ['from 2013 to 2016 kaesong', { terms: ['kaesong'], date: range('2013-01-01', '2016-12-31'), label: '2013–2016' }],
      ['between 2013 and 2016', { date: range('2013-01-01', '2016-12-31'), label: '2013–2016', timeline: true }],
      ['2016-2013', { date: range('2013-01-01', '2016-12-31'), label: '2013–2016', timeline: true }],
      ['2016 to 2013', { date: range('2013-01-01', '2016-12-31'), label: '2013–2016', timeline: true }],
      ['2013-2013', { date: range('2013-01-01', '2013-12-31'), label: '2013', timeline: true }],
      ['Aug 2013 to Mar 2014', { date: range('2013-08-01', '2014-03-31'), label: 'Aug 2013–Mar 2014', timeline: true }],
      ['2013-08..2014-02', { date: range('2013-08-01', '2014-02-28'), label: 'Aug 2013–Feb 2014', timeline: true }],
      ['1990s', { date: range('1990-01-01', '1999-12-31'), label: '1990s', timeline: true }],
      ['1850-1900', { terms: ['1850-1900'] }],
    ]);
  });

  describe('months and days', () => {
    const aug2013 = { date: range('2013-08-01', '2013-08-31'), label: 'Aug 2013', timeline: true };
    const aug7 = { date: range('2013-08-07', '2013-08-07'), label: '7 Aug 2013', timeline: true };
    table([
      ['Aug 2013', aug2013],
      ['August 2013', aug2013],
      ['aug 2013', aug2013],
      ['Aug. 2013', aug2013],
      ['2013-08', aug2013],
      ['2013/08', aug2013],
      ['2013-8', aug2013],
      ['2013년 8월', aug2013],
      ['Feb 2016', { date: range('2016-02-01', '2016-02-29'), label: 'Feb 2016', timeline: true }],
      ['2013-08-07', aug7],
      ['2013-08-7', aug7],
      ['2013/08/07', aug7],
      ['2013.8.7', aug7],
      ['7 Aug 2013', aug7],
      ['7th August 2013', aug7],
      ['Aug 7 2013', aug7],
      ['August 7, 2013', aug7],
      ['2013년 8월 7일', aug7],
      ['Kaesong (August 7, 2013)', { terms: ['Kaesong'], date: range('2013-08-07', '2013-08-07'), label: '7 Aug 2013' }],
      ['2016-02-29', { date: range('2016-02-29', '2016-02-29'), label: '29 Feb 2016', timeline: true }],
      ['7 Aug', { date: monthDay(8, 7), label: '7 Aug, any year', timeline: true }],
      ['kaesong Feb 29', { terms: ['kaesong'], date: monthDay(2, 29), label: '29 Feb, any year' }],
    ]);
  });

  describe('text that only looks like a date stays text', () => {
    table([
      ['Theresa May', { terms: ['Theresa', 'May'] }],
      ['March', { terms: ['March'] }],
      ['since', { terms: ['since'] }],
      ['last', { terms: ['last'] }],
      ['this', { terms: ['this'] }],
      ['G20 737 orwell1984', { terms: ['G20', '737', 'orwell1984'] }],
      ['2013-99', { terms: ['2013-99'] }],
      ['2013-13', { terms: ['2013-13'] }],
      ['2013-16', { terms: ['2013-16'] }],
      ['2013-02-30', { terms: ['2013-02-30'] }],
      ['2015-02-29', { terms: ['2015-02-29'] }],
      ['Aug 45 2013', { terms: ['Aug', '45', '2013'] }],
      ['Feb 30 2013 talks', { terms: ['Feb', '30', '2013', 'talks'] }],
      ['30 Feb', { terms: ['30', 'Feb'] }],
      ['since Feb 30 2013', { terms: ['since', 'Feb', '30', '2013'] }],
      ['after 9/11', { terms: ['after', '9/11'] }],
      ['last 0 days', { terms: ['last', '0', 'days'] }],
      ['last 3651 days', { terms: ['last', '3651', 'days'] }],
      ['past week', { terms: ['past', 'week'] }],
      ['"Aug 2013"', { phrases: ['Aug 2013'] }],
    ]);
  });

  describe('open ranges', () => {
    table([
      ['since 2015', { date: range('2015-01-01', null), label: 'since 2015', timeline: true }],
      ['from 2015', { date: range('2015-01-01', null), label: 'since 2015', timeline: true }],
      ['Kaesong since March 2014', { terms: ['Kaesong'], date: range('2014-03-01', null), label: 'since Mar 2014' }],
      ['after March 2014', { date: range('2014-04-01', null), label: 'after Mar 2014', timeline: true }],
      ['after 2013-12-31', { date: range('2014-01-01', null), label: 'after 31 Dec 2013', timeline: true }],
      ['before 2010', { date: range(null, '2009-12-31'), label: 'before 2010', timeline: true }],
      ['before 1 Mar 2016', { date: range(null, '2016-02-29'), label: 'before 1 Mar 2016', timeline: true }],
      ['until 2013-06', { date: range(null, '2013-06-30'), label: 'until Jun 2013', timeline: true }],
      ['till 2013-06', { date: range(null, '2013-06-30'), label: 'until Jun 2013', timeline: true }],
      ['Since 2015 kaesong', { terms: ['kaesong'], date: range('2015-01-01', null), label: 'since 2015' }],
      ['since yesterday', { date: range('2026-11-22', null), label: 'since yesterday', timeline: true }],
    ]);
  });

  describe('relative to now (Monday 23 Nov 2026, UTC)', () => {
    table([
      ['today', { date: range('2026-11-23', '2026-11-23'), label: 'today', timeline: true }],
      ['Yesterday', { date: range('2026-11-22', '2026-11-22'), label: 'yesterday', timeline: true }],
      ['this week', { date: range('2026-11-23', '2026-11-23'), label: 'this week', timeline: true }],
      ['last week', { date: range('2026-11-16', '2026-11-22'), label: 'last week', timeline: true }],
      ['this month', { date: range('2026-11-01', '2026-11-23'), label: 'this month', timeline: true }],
      ['last month', { date: range('2026-10-01', '2026-10-31'), label: 'last month', timeline: true }],
      ['this year', { date: range('2026-01-01', '2026-11-23'), label: 'this year', timeline: true }],
      ['last year', { date: range('2025-01-01', '2025-12-31'), label: 'last year', timeline: true }],
      ['last 30 days', { date: range('2026-10-25', '2026-11-23'), label: 'last 30 days', timeline: true }],
      ['past 7 days', { date: range('2026-11-17', '2026-11-23'), label: 'past 7 days', timeline: true }],
      ['last 1 day', { date: range('2026-11-23', '2026-11-23'), label: 'last 1 day', timeline: true }],
      ['last 2 weeks', { date: range('2026-11-10', '2026-11-23'), label: 'last 2 weeks', timeline: true }],
      ['last 3650 days', { date: range('2016-11-26', '2026-11-23'), label: 'last 3650 days', timeline: true }],
      ['kaesong last week', { terms: ['kaesong'], date: range('2026-11-16', '2026-11-22'), label: 'last week' }],
      ['on this day', { date: monthDay(11, 23), label: 'on this day (23 Nov)', timeline: true }],
      ['this day kaesong', { terms: ['kaesong'], date: monthDay(11, 23), label: 'on this day (23 Nov)' }],
    ]);
  });

  describe('relative dates in the time zone asked for', () => {
    // 20:00 UTC on Monday 23 Nov is 05:00 on Tuesday 24 Nov in Seoul.
    const evening = new Date('2026-11-23T20:00:00Z');
    describe('Asia/Seoul', () => {
      table(
        [
          ['today', { date: range('2026-11-24', '2026-11-24'), label: 'today', timeline: true }],
          ['yesterday', { date: range('2026-11-23', '2026-11-23'), label: 'yesterday', timeline: true }],
          ['this week', { date: range('2026-11-23', '2026-11-24'), label: 'this week', timeline: true }],
          ['on this day', { date: monthDay(11, 24), label: 'on this day (24 Nov)', timeline: true }],
        ],
        'Asia/Seoul',
        evening,
      );
    });
    describe('UTC, the default, at the same instant', () => {
      table([['today', { date: range('2026-11-23', '2026-11-23'), label: 'today', timeline: true }]], undefined, evening);
    });
    describe('an unknown zone falls back to UTC', () => {
      table([['today', { date: range('2026-11-23', '2026-11-23'), label: 'today', timeline: true }]], 'Mars/Olympus_Mons', evening);
    });
    describe('America/Los_Angeles, still the day before', () => {
      table(
        [['today', { date: range('2026-11-22', '2026-11-22'), label: 'today', timeline: true }]],
        'America/Los_Angeles',
        new Date('2026-11-23T05:00:00Z'),
      );
    });
  });

  describe('only the first date expression counts; later ones stay text', () => {
    table([
      ['2013 2014', { terms: ['2014'], date: range('2013-01-01', '2013-12-31'), label: '2013' }],
      ['since 2015 before 2017', { terms: ['before', '2017'], date: range('2015-01-01', null), label: 'since 2015' }],
      ['kaesong Aug 2013 yesterday', { terms: ['kaesong', 'yesterday'], date: range('2013-08-01', '2013-08-31'), label: 'Aug 2013' }],
    ]);
  });

  describe('timeline: a date and nothing to search for', () => {
    table([
      ['2013 -nuclear', { excludes: ['nuclear'], date: range('2013-01-01', '2013-12-31'), label: '2013', timeline: true }],
      ['"final talks" 2013', { phrases: ['final talks'], date: range('2013-01-01', '2013-12-31'), label: '2013' }],
      ['kaesong -2013', { terms: ['kaesong'], excludes: ['2013'] }],
      ['-2013', { excludes: ['2013'] }],
    ]);
  });

  describe('odd input', () => {
    it('turns control characters into spaces', () => {
      expect(parseQuery('kaesong\u0000\u0007talks\u001b[31m', { now: NOW }).terms).toEqual(['kaesong', 'talks', '31m']);
    });

    it('recognises no relative date when now is not a valid date, and does not throw', () => {
      expect(parseQuery('today 2013', { now: new Date(Number.NaN) })).toEqual(
        expected('today 2013', { terms: ['today'], date: range('2013-01-01', '2013-12-31'), label: '2013' }),
      );
    });

    it('reads a non-string input as empty', () => {
      expect(parseQuery(undefined as unknown as string, { now: NOW })).toEqual({ ...expected('', {}), raw: '' });
    });
  });
});
