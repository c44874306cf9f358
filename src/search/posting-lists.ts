/**
 * Every term's postings in five flat arrays, and read-only Map-like views over them in the shape
 * MiniSearch keeps per term: field id → record number → term frequency (it calls get, size and keys).
 * At 114k events that is 2.6 million postings: as nested Maps they took ~150 MB of heap and most of
 * a snapshot's load time; as arrays they are ~20 MB that a snapshot maps as is.
 */
export interface PostingArrays {
  /** Term t's lists are lists termStarts[t] … termStarts[t + 1] - 1. */
  termStarts: Uint32Array;
  /** List l holds field listFields[l] … */
  listFields: Uint8Array;
  /** … and its records are records[listStarts[l] … listStarts[l + 1] - 1], ascending. */
  listStarts: Uint32Array;
  records: Uint32Array;
  /**
   * How often the term is in that field of that record, beside each record number; 65,535 at most
   * (BM25+ is flat long before), so two bytes a posting rather than four: ~45 MB less at 1M records.
   */
  frequencies: Uint16Array;
}

/** One field's records for a term, as MiniSearch reads them (record number → term frequency) and search walks them. */
export interface FieldPostingsView {
  readonly fieldId: number;
  readonly size: number;
  get(n: number): number | undefined;
  has(n: number): boolean;
  keys(): IterableIterator<number>;
  [Symbol.iterator](): IterableIterator<[number, number]>;
  /** The record numbers, ascending. */
  recordNumbers(): Uint32Array;
  /** The term frequencies beside recordNumbers(). */
  frequencies(): Uint16Array;
}

/** A term's postings: field id → its records; a base index's (TermPostings) or a live index's. */
export interface TermPostingsView {
  readonly size: number;
  get(fieldId: number): FieldPostingsView | undefined;
  [Symbol.iterator](): IterableIterator<[number, FieldPostingsView]>;
  /** One list per field having the term, by field id. */
  lists(): readonly FieldPostingsView[];
}

/** A term's postings: field id → its records. What MiniSearch keeps in its radix tree per term. */
export class TermPostings implements TermPostingsView {
  private fieldLists: FieldPostings[] | null = null;

  constructor(
    private readonly arrays: PostingArrays,
    /** The term's number in the arrays. */
    readonly term: number,
  ) {}

  get size(): number {
    return this.arrays.termStarts[this.term + 1]! - this.arrays.termStarts[this.term]!;
  }

  get(fieldId: number): FieldPostings | undefined {
    return this.lists().find((list) => list.fieldId === fieldId);
  }

  *[Symbol.iterator](): IterableIterator<[number, FieldPostings]> {
    for (const list of this.lists()) yield [list.fieldId, list];
  }

  /** One list per field having the term; made on first use: most terms are never searched. */
  lists(): readonly FieldPostings[] {
    if (this.fieldLists === null) {
      const { termStarts, listFields, listStarts } = this.arrays;
      this.fieldLists = [];
      for (let l = termStarts[this.term]!; l < termStarts[this.term + 1]!; l += 1) {
        this.fieldLists.push(new FieldPostings(this.arrays, listFields[l]!, listStarts[l]!, listStarts[l + 1]!));
      }
    }
    return this.fieldLists;
  }
}

/** One field's records for a term: record number → term frequency, looked up by binary search. */
export class FieldPostings implements FieldPostingsView {
  constructor(
    private readonly arrays: PostingArrays,
    readonly fieldId: number,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get size(): number {
    return this.end - this.start;
  }

  get(n: number): number | undefined {
    const i = this.indexOf(n);
    return i < 0 ? undefined : this.arrays.frequencies[i];
  }

  has(n: number): boolean {
    return this.indexOf(n) >= 0;
  }

  /** The record numbers, as MiniSearch's own search walks them. */
  keys(): IterableIterator<number> {
    return this.recordNumbers().values();
  }

  *[Symbol.iterator](): IterableIterator<[number, number]> {
    const { records, frequencies } = this.arrays;
    for (let i = this.start; i < this.end; i += 1) yield [records[i]!, frequencies[i]!];
  }

  /** The record numbers, ascending, as a view (no copy). */
  recordNumbers(): Uint32Array {
    return this.arrays.records.subarray(this.start, this.end);
  }

  /** The term frequencies beside recordNumbers(), as a view (no copy). */
  frequencies(): Uint16Array {
    return this.arrays.frequencies.subarray(this.start, this.end);
  }

  private indexOf(n: number): number {
    const { records } = this.arrays;
    let low = this.start;
    let high = this.end - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = records[middle]!;
      if (value === n) return middle;
      if (value < n) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/**
 * The numbers in any of the ascending lists: ascending, each once. Merged two at a time (a word's
 * field lists, its forms' lists: a handful), linear in their lengths rather than a sort of them all.
 */
export function unionOfSorted(lists: readonly Uint32Array[]): Uint32Array {
  if (lists.length === 0) return new Uint32Array(0);
  let merged = [...lists];
  while (merged.length > 1) {
    const next: Uint32Array[] = [];
    for (let i = 0; i < merged.length; i += 2) next.push(i + 1 < merged.length ? unionOfTwo(merged[i]!, merged[i + 1]!) : merged[i]!);
    merged = next;
  }
  return merged[0]!;
}

function unionOfTwo(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let length = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) {
      out[length++] = x;
      i += 1;
      if (x === y) j += 1;
    } else {
      out[length++] = y;
      j += 1;
    }
  }
  while (i < a.length) out[length++] = a[i++]!;
  while (j < b.length) out[length++] = b[j++]!;
  return out.subarray(0, length);
}
