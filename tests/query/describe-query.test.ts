import { describe, expect, it } from 'vitest';
import type { ParsedQuery } from '../../src/model/query.ts';
import { describeQuery, parseQuery } from '../../src/query/parse-query.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const label = (input: string): string => describeQuery(parseQuery(input, { now: NOW }));

describe('describeQuery', () => {
  it.each([
    ['kaesong 2013', 'kaesong · 2013'],
    ['Kaesong since March 2014', 'Kaesong · since Mar 2014'],
    ['2013', '2013'],
    ['"final talks" -nuclear Aug 2013', '"final talks" · -nuclear · Aug 2013'],
    ['  North   Korea  Kaesong ', 'North Korea Kaesong'],
    [
      '2013 Kaesong "joint committee" closure -missile "six party" -test',
      'Kaesong closure · "joint committee" "six party" · -missile -test · 2013',
    ],
    ['kaesong -"six party talks"', 'kaesong · -"six party talks"'],
    ['개성공단 2013-2016', '개성공단 · 2013–2016'],
    ['on this day', 'on this day (23 Nov)'],
    ['last 30 days kaesong', 'kaesong · last 30 days'],
    ['Aug 45 2013', 'Aug 45 2013'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(label(input)).toBe(expected);
  });

  it('says which words were read as others: showing results for …', () => {
    expect(describeQuery(parseQuery('keasong 2013', { now: NOW }), [{ from: 'keasong', to: 'kaesong' }])).toBe(
      'keasong · 2013 · showing results for kaesong',
    );
    expect(describeQuery(parseQuery('ebloa outbreak -nuclear', { now: NOW }), [{ from: 'ebloa', to: 'ebola' }])).toBe(
      'ebloa outbreak · -nuclear · showing results for ebola outbreak',
    );
    expect(describeQuery(parseQuery('kaesong', { now: NOW }), [])).toBe('kaesong');
  });

  it('strips control characters and line breaks', () => {
    const query: ParsedQuery = {
      raw: 'x',
      terms: ['kae\u0000song', 'line\nbreak', '\u202Eevil'],
      phrases: ['a\u2028b'],
      excludes: [],
      date: null,
      dateLabel: '2013\u0007',
      timeline: false,
    };
    expect(describeQuery(query)).toBe('kae song line break evil · "a b" · 2013');
  });

  it('caps long labels at 200 characters with an ellipsis, never cutting an emoji in half', () => {
    const long = label(`${'word '.repeat(100)}2013`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('word…')).toBe(true);
    const emoji = label('😀개'.repeat(150));
    expect(emoji).toBe(`${'😀개'.repeat(99)}😀…`);
  });

  it('describes a malformed query object without throwing', () => {
    expect(describeQuery({ terms: 'oops', phrases: [1, 'ok'] } as unknown as ParsedQuery)).toBe('"ok"');
    expect(describeQuery(null as unknown as ParsedQuery)).toBe('');
  });
});
