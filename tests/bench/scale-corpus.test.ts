import { describe, expect, it } from 'vitest';
import { scaleOf, shiftDate, shiftId, shiftRecord } from '../../bench/scale-corpus.ts';
import type { CorpusRecord } from '../../src/model/record.ts';

describe('the scaled bench corpus', () => {
  it('moves a date back whole years, and 29 February to the 28th in a year without one', () => {
    expect(shiftDate('2013-08-07', 25)).toBe('1988-08-07');
    expect(shiftDate('2004-02-29', 25)).toBe('1979-02-28');
    expect(shiftDate('2004-02-29', 100)).toBe('1904-02-29');
    expect(shiftDate('2004-02-29', 200)).toBe('1804-02-29');
    expect(shiftDate('2008-02-29', 208)).toBe('1800-02-28');
  });

  it('moves the date inside an event id with it, and marks any other id with the shift', () => {
    expect(shiftId('news/2013/08/7/kaesong-talks', 25)).toBe('news/1988/08/7/kaesong-talks');
    expect(shiftId('news/2012/02/29/leap-day', 25)).toBe('news/1987/02/28/leap-day');
    expect(shiftId('article/kaesong', 50)).toBe('article/kaesong-50-years-back');
  });

  it('moves a record, its id and its Related links, and keeps everything else', () => {
    const record: CorpusRecord = {
      id: 'news/2013/04/8/kaesong-closed',
      kind: 'event',
      date: '2013-04-08',
      title: 'Kaesong closed',
      summary: 'Kaesong closed',
      body: '',
      image: null,
      sources: [{ name: 'Reuters', url: null }],
      contexts: ['2013 Korean crisis'],
      category: null,
      related: [{ id: 'news/2013/08/14/kaesong-reopens', title: 'Kaesong reopens', date: '2013-08-14', contexts: [] }],
      stub: false,
      origin: { file: 'x.jsonl', line: 1, format: 'jsonl' },
    };
    expect(shiftRecord(record, 50)).toEqual({
      ...record,
      id: 'news/1963/04/8/kaesong-closed',
      date: '1963-04-08',
      related: [{ id: 'news/1963/08/14/kaesong-reopens', title: 'Kaesong reopens', date: '1963-08-14', contexts: [] }],
    });
  });

  it('reads --scale from the command line, 1 without it', () => {
    expect(scaleOf([])).toBe(1);
    expect(scaleOf(['--scale', '9'])).toBe(9);
    expect(() => scaleOf(['--scale', 'x'])).toThrow('bench: --scale takes a whole number 1–20, got x');
  });
});
