import { describe, expect, it } from 'vitest';
import { commonPositions, gallop } from '../../src/search/sorted-lists.ts';
import { unionOfSorted } from '../../src/search/posting-lists.ts';

describe('ascending lists', () => {
  const list = Uint32Array.of(2, 4, 8, 16, 32, 64, 128);

  it('gallops to the first number not below the one asked, from a position on', () => {
    expect(gallop(list, 0, list.length, 1)).toBe(0);
    expect(gallop(list, 0, list.length, 8)).toBe(2);
    expect(gallop(list, 1, list.length, 9)).toBe(3);
    expect(gallop(list, 3, list.length, 100)).toBe(6);
    expect(gallop(list, 0, list.length, 500)).toBe(7);
    expect(gallop(list, 0, 4, 500)).toBe(4);
    expect(gallop(list, 5, list.length, 2)).toBe(5);
  });

  it('finds the numbers two lists share, as positions in each, whichever is longer', () => {
    const other = Uint32Array.of(1, 4, 5, 32, 128, 200);
    const common = commonPositions(list, other);
    expect([...common.ofFirst.subarray(0, common.count)]).toEqual([1, 4, 6]);
    expect([...common.ofSecond.subarray(0, common.count)]).toEqual([1, 3, 4]);
    const swapped = commonPositions(other, list);
    expect([...swapped.ofFirst.subarray(0, swapped.count)]).toEqual([1, 3, 4]);
    expect([...swapped.ofSecond.subarray(0, swapped.count)]).toEqual([1, 4, 6]);
    expect(commonPositions(list, Uint32Array.of(3, 1000)).count).toBe(0);
  });

  it('merges any number of lists into one, each number once', () => {
    const lists = [Uint32Array.of(1, 5, 9), Uint32Array.of(2, 5), Uint32Array.of(), Uint32Array.of(0, 9, 10), Uint32Array.of(5)];
    expect([...unionOfSorted(lists)]).toEqual([0, 1, 2, 5, 9, 10]);
    expect([...unionOfSorted([])]).toEqual([]);
    expect([...unionOfSorted([Uint32Array.of(3, 4)])]).toEqual([3, 4]);
  });
});
