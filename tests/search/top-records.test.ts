import { describe, expect, it } from 'vitest';
import { TopRecords } from '../../src/search/top-records.ts';

describe('TopRecords', () => {
  it('keeps the best records, best first, an equal score ranking the lower number first', () => {
    const top = new TopRecords(3);
    for (const [n, score] of [
      [10, 1.5],
      [11, 4],
      [12, 2],
      [13, 4],
      [14, 0.5],
      [15, 2],
      [16, 3],
    ] as const)
      top.offer(n, score);
    expect(top.sorted()).toEqual([
      { n: 11, score: 4 },
      { n: 13, score: 4 },
      { n: 16, score: 3 },
    ]);
  });

  it('gives what a full sort gives, for any capacity', () => {
    const offered = Array.from({ length: 500 }, (_, n) => ({ n, score: ((n * 7919) % 97) / 8 }));
    const sorted = [...offered].sort((a, b) => b.score - a.score || a.n - b.n);
    for (const capacity of [1, 2, 5, 50, 500]) {
      const top = new TopRecords(capacity);
      for (const { n, score } of [...offered].reverse()) top.offer(n, score);
      expect(top.sorted()).toEqual(sorted.slice(0, capacity));
    }
  });

  it('keeps nothing with no room', () => {
    const top = new TopRecords(0);
    top.offer(1, 5);
    expect(top.sorted()).toEqual([]);
  });
});
