import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { createSearchIndex } from '../../src/search/search-index.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { selectDigest } from '../../src/digest/select-digest.ts';
import { digestMessage } from '../../src/block-kit/digest-blocks.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';

const bundled = new URL('../../corpus', import.meta.url).pathname;
const wcep = new URL('../../../shared/data/wcep', import.meta.url).pathname;
const hasWcep = existsSync(wcep);

describe('on this day over the bundled corpus', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = createSearchIndex((await loadCorpus([bundled])).records);
  });

  it('finds the 2013 Kaesong talks on 7 August, the event page ahead of the article', () => {
    const digest = selectDigest(searcher, '2026-08-07');
    expect(digest.onThisDay.map((item) => [item.record.kind, item.record.date, item.label])).toEqual([
      ['event', '2013-08-07', '13 years ago'],
      ['article', '2013-08-07', '13 years ago'],
    ]);
    expect(digest.onThisDay[0]!.record.title).toBe(
      'North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.',
    );
  });

  it('says "1 year ago" and leaves out this year itself', () => {
    expect(selectDigest(searcher, '2014-08-07').onThisDay.map((item) => item.label)).toEqual(['1 year ago', '1 year ago']);
    expect(selectDigest(searcher, '2013-08-07').onThisDayTotal).toBe(0);
  });
});

/** November only (every year), to keep the load quick; the month-day logic does not care. */
function novemberFolders(): string[] {
  return readdirSync(wcep)
    .filter((year) => /^\d{4}$/.test(year))
    .map((year) => join(wcep, year, '11'))
    .filter((folder) => existsSync(folder));
}

describe.skipIf(!hasWcep)('on this day over ../shared/data/wcep (November)', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = createSearchIndex((await loadCorpus(novemberFolders())).records);
  });

  it('puts the 2010 Yeonpyeong shelling first on 23 November for a North Korea desk', () => {
    const digest = selectDigest(searcher, '2026-11-23', { topic: 'north korea' });
    expect(digest.onThisDayTotal).toBe(279); // 281 before two unsourced name lines (2010, 2014) were read as story labels
    const [top] = digest.onThisDay;
    expect(top!.record.id.startsWith('news/2010/11/23/north-korea-shells-yeonpyeong-island')).toBe(true);
    expect(top!.label).toBe('16 years ago');
    expect(digest.onThisDay.every((item) => item.record.date!.endsWith('-11-23') && item.record.date! < '2026')).toBe(true);
    expect(checkMessage(digestMessage(digest))).toEqual([]);
  });

  it('ranks by sources and links when there is no topic', () => {
    const digest = selectDigest(searcher, '2026-11-23');
    const scores = digest.onThisDay.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(digest.onThisDay).toHaveLength(5);
  });
});

if (!hasWcep) console.warn(`digest: WCEP on-this-day tests skipped: ${wcep} not found`);
