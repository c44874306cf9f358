import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeQuery, parseQuery } from '../../src/query/parse-query.ts';
import { normaliseSlackText } from '../../src/query/normalise-slack-text.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Strings built from pieces the grammar cares about, so the date rules are actually exercised. */
const queryish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '2013',
        '2016',
        'Aug',
        'May',
        '7',
        '30',
        '-',
        '..',
        'to',
        'since',
        'after',
        'before',
        'until',
        'last',
        'this',
        'week',
        'days',
        'on',
        'day',
        'today',
        '"',
        '\u201C',
        '-kaesong',
        '2013-02-30',
        '2013-08',
        '개성',
      ),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(' '));

describe('parseQuery and describeQuery on any input', () => {
  it('never throw, give well-formed dates and a printable label', () => {
    fc.assert(
      fc.property(
        fc.oneof(queryish, fc.string({ unit: 'binary' })),
        fc.constantFrom('UTC', 'Asia/Seoul', 'Nope/Zone'),
        (input, timeZone) => {
          const query = parseQuery(input, { now: NOW, timeZone });
          const label = describeQuery(query);
          expect(CONTROL.test(label)).toBe(false);
          expect(Array.from(label).length).toBeLessThanOrEqual(200);
          expect(query.timeline).toBe(query.date !== null && query.terms.length === 0 && query.phrases.length === 0);
          if (query.date?.kind === 'range') {
            const { from, to } = query.date.range;
            for (const day of [from, to]) if (day !== null) expect(day).toMatch(ISO_DAY);
            if (from !== null && to !== null) expect(from <= to).toBe(true);
          }
          for (const word of [...query.terms, ...query.phrases, ...query.excludes]) expect(word.trim()).not.toBe('');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('normaliseSlackText never throws and leaves no Slack markup of mentions', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        expect(normaliseSlackText(`<@U1>${input}<!here>`)).not.toMatch(/<[@!][^<>]*>/);
      }),
    );
  });

  it('returns for 10,000 characters of adversarial input', () => {
    const inputs = [
      '"'.repeat(10_000),
      `${'"a '.repeat(3_333)}`,
      `${','.repeat(9_999)}a`,
      '-'.repeat(10_000),
      '2013 '.repeat(2_000),
      'Aug 7 '.repeat(1_666),
      'since '.repeat(2_000),
      '<@U1'.repeat(2_500),
      'x'.repeat(10_000),
    ];
    for (const input of inputs) {
      const query = parseQuery(input, { now: NOW });
      expect(describeQuery(query).length).toBeLessThanOrEqual(200);
      normaliseSlackText(input);
    }
    expect(parseQuery('2013 '.repeat(2_000), { now: NOW }).terms).toHaveLength(1_999);
  });
});
