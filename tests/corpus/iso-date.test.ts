import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPaddedIsoDate, parseIsoDate } from '../../src/corpus/iso-date.ts';

describe('isPaddedIsoDate', () => {
  it('says yes exactly when parseIsoDate gives the text back unchanged', () => {
    const digit = fc.constantFrom(...'0123456789');
    const year = fc.oneof(
      fc.constantFrom('0000', '0004', '0100', '1900', '2000', '2013', '2024', '2100', '9999'),
      fc.string({ unit: digit, minLength: 4, maxLength: 4 }),
    );
    const part = fc.oneof(
      fc.integer({ min: 0, max: 33 }).map((n) => String(n).padStart(2, '0')),
      fc.string({ unit: fc.constantFrom(...'0123456789-x '), minLength: 1, maxLength: 3 }),
    );
    const text = fc.oneof(
      fc.tuple(year, part, part).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(isPaddedIsoDate(t)).toBe(parseIsoDate(t) === t);
      }),
      { numRuns: 20_000 },
    );
  });

  it('knows the days of each month, February by its year', () => {
    expect(['2013-08-07', '2024-02-29', '2000-02-29', '2013-04-30', '2013-12-31'].map(isPaddedIsoDate)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['2013-8-07', '2013-02-29', '1900-02-29', '2013-04-31', '2013-13-01', '2013-00-10', ' 2013-08-07'].map(isPaddedIsoDate)).toEqual(
      [false, false, false, false, false, false, false],
    );
  });
});
