import { describe, expect, it } from 'vitest';
import type { CorpusFile } from '../../src/corpus/load-corpus.ts';
import { choosePivot, frontFileCount, idHashes, positionsIn } from '../../src/knowledge/half-build.ts';

const days = (...values: number[]) => Int32Array.from(values);
const file = (path: string, size: number): CorpusFile => ({ path, size, mtimeMs: 0 });

describe('two-thread build halves', () => {
  it('splits the files where half of the parse is done, a byte of YAML counting five of JSON Lines', () => {
    expect(frontFileCount([file('a.jsonl', 100), file('b.jsonl', 60), file('c.jsonl', 40)])).toBe(1);
    expect(frontFileCount([file('a.jsonl', 100), file('b.yaml', 30), file('c.jsonl', 40)])).toBe(1);
    expect(frontFileCount([file('a.yaml', 30), file('b.jsonl', 100), file('c.jsonl', 40)])).toBe(1);
    expect(frontFileCount([file('a.jsonl', 40), file('b.jsonl', 50), file('c.jsonl', 100)])).toBe(2);
  });

  it('puts the pivot where the back half begins when the halves are in date order, even if uneven', () => {
    expect(choosePivot(days(20100101, 20100102, 20100103, 20100104), days(20200101, 20200102, 20200103))).toBe(20200101);
    // Moving 3 records to even the halves costs more than 3.5 records of imbalance.
    expect(choosePivot(days(1, 2, 3, 4, 5, 6, 7, 8), days(9))).toBe(9);
  });

  it('moves records over when the halves mix dates and evening them out pays', () => {
    // The front half's early days and the back half's late ones, each with a few of the other's: those few move.
    expect(choosePivot(days(1, 2, 3, 4, 5, 9), days(4, 6, 7, 8, 10))).toBe(6);
  });

  it("finds the ids the back half shares with the front by their hashes, in the back half's order", () => {
    const back = ['news/2013/02/12/a', 'news/2013/02/12/b', 'news/2020/01/01/c', 'news/2006/10/09/d'];
    const front = ['news/2006/10/09/d', 'news/2013/02/12/a', 'news/1999/01/01/e'];
    expect(Array.from(positionsIn(idHashes(back), idHashes(front)))).toEqual([0, 3]);
    expect(Array.from(positionsIn(idHashes(back), idHashes([])))).toEqual([]);
  });
});
