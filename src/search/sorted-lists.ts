/** Small operations on ascending lists of record numbers. */

/** Numbers in every list, ascending. The shortest list leads; the others are binary-searched. */
export function intersectSorted(lists: readonly ArrayLike<number>[]): Uint32Array {
  if (lists.length === 0) return new Uint32Array(0);
  const ordered = [...lists].sort((a, b) => a.length - b.length);
  const [first, ...rest] = ordered;
  const out: number[] = [];
  for (let i = 0; i < first!.length; i += 1) {
    const n = first![i]!;
    if (rest.every((list) => contains(list, n))) out.push(n);
  }
  return Uint32Array.from(out);
}

/** At most `count` numbers of the list, those nearest to `n` (records are numbered in date order). */
export function nearestSlice<List extends Uint32Array | readonly number[]>(list: List, n: number, count: number): List {
  if (list.length <= count) return list;
  const at = lowerBound(list, n);
  const start = Math.max(0, Math.min(at - (count >> 1), list.length - count));
  return (list instanceof Uint32Array ? list.subarray(start, start + count) : list.slice(start, start + count)) as List;
}

/** Two ascending lists as one, each number once. */
export function mergeSorted(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (merged.length === 0 || merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/**
 * At most `count` numbers of `list` that every one of `others` has too, the nearest to `n` first
 * found by walking out from n both ways: a few binary searches instead of a whole intersection.
 */
export function nearestCommon(list: ArrayLike<number>, others: readonly ArrayLike<number>[], n: number, count: number): number[] {
  const found: number[] = [];
  let below = lowerBound(list, n) - 1;
  let above = below + 1;
  while (found.length < count && (below >= 0 || above < list.length)) {
    const takeBelow = above >= list.length || (below >= 0 && n - list[below]! <= list[above]! - n);
    const candidate = takeBelow ? list[below--]! : list[above++]!;
    if (others.every((other) => contains(other, candidate))) found.push(candidate);
  }
  return found.sort((a, b) => a - b);
}

function contains(list: ArrayLike<number>, n: number): boolean {
  const at = lowerBound(list, n);
  return at < list.length && list[at] === n;
}

/** The first position in an ascending list whose value is not below `n` (the list's length if none). */
export function lowerBound(list: ArrayLike<number>, n: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < n) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The first position from `at` (up to `end`) whose number is not below n, found by galloping: steps
 * that double, then a binary search, so moving forward d places costs about log d.
 */
export function gallop(list: ArrayLike<number>, at: number, end: number, n: number): number {
  if (at >= end || list[at]! >= n) return at;
  // list[low] < n, and the first number >= n is in (low, high].
  let low = at;
  let step = 1;
  let high = low + 1;
  while (high < end && list[high]! < n) {
    low = high;
    step *= 2;
    high = low + step;
  }
  if (high > end) high = end;
  while (low + 1 < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < n) low = middle;
    else high = middle;
  }
  return high;
}

/** The numbers two ascending lists share, as positions in each: the shorter list is walked, the longer galloped through. */
export function commonPositions(first: Uint32Array, second: Uint32Array): { count: number; ofFirst: Uint32Array; ofSecond: Uint32Array } {
  const ofFirst = new Uint32Array(Math.min(first.length, second.length));
  const ofSecond = new Uint32Array(ofFirst.length);
  let count = 0;
  const [walked, galloped] = first.length <= second.length ? [first, second] : [second, first];
  const walkedIsFirst = walked === first;
  let at = 0;
  for (let i = 0; i < walked.length; i += 1) {
    at = gallop(galloped, at, galloped.length, walked[i]!);
    if (at >= galloped.length) break;
    if (galloped[at] === walked[i]) {
      ofFirst[count] = walkedIsFirst ? i : at;
      ofSecond[count] = walkedIsFirst ? at : i;
      count += 1;
    }
  }
  return { count, ofFirst, ofSecond };
}
