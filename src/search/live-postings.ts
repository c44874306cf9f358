import type { BaseTombstones } from './base-tombstones.ts';
import type { DeltaSegment } from './delta-segment.ts';
import type { LiveTables } from './live-tables.ts';
import { FIELDS } from './mini-search.ts';
import { postingsOf, termIndexOf, type TermIndex } from './mini-search-internals.ts';
import type { RecordIndex } from './mini-search.ts';
import { FieldPostings, type FieldPostingsView, type TermPostingsView } from './posting-lists.ts';

/** Frequencies are 16-bit (Uint16Array lists): a packed posting keeps one below the live number's unit. */
const FREQUENCY_SPAN = 65_536;

/**
 * A live index's terms: the base's tree and the delta's, as one. A term is there when any visible
 * record has it; its postings per field are the base's (hidden records left out) merged with the
 * delta's, in live numbers. How many records have it is known without merging; the merged lists are
 * made on first use and kept until the next change.
 */
export class LiveTerms implements TermIndex {
  private readonly cache = new Map<string, LiveTermPostings | null>();
  private readonly baseTerms: TermIndex;

  constructor(
    private readonly baseIndex: RecordIndex,
    private readonly hidden: BaseTombstones,
    private readonly delta: DeltaSegment,
    private readonly tables: LiveTables,
  ) {
    this.baseTerms = termIndexOf(baseIndex);
  }

  get(term: string): LiveTermPostings | undefined {
    let postings = this.cache.get(term);
    if (postings === undefined) {
      postings = this.postingsOf(term);
      this.cache.set(term, postings);
    }
    return postings ?? undefined;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  fuzzyGet(term: string, maxDistance: number): Map<string, [LiveTermPostings, number]> {
    const found = new Map<string, [LiveTermPostings, number]>();
    const offer = (word: string, distance: number) => {
      if (found.has(word)) return;
      const postings = this.get(word);
      if (postings !== undefined) found.set(word, [postings, distance]);
    };
    for (const [word, [, distance]] of this.baseTerms.fuzzyGet(term, maxDistance)) offer(word, distance);
    for (const [word, [, distance]] of this.delta.terms.fuzzyGet(term, maxDistance)) offer(word, distance);
    return found;
  }

  atPrefix(prefix: string): { keys(): Iterable<string>; fuzzyGet(term: string, maxDistance: number): Map<string, unknown> } {
    const live = (suffixes: Iterable<string>) => [...new Set(suffixes)].filter((suffix) => this.has(prefix + suffix));
    const branches = () => [tryBranch(() => this.baseTerms.atPrefix(prefix)), tryBranch(() => this.delta.terms.atPrefix(prefix))];
    return {
      keys: () =>
        live(branches().flatMap((branch) => (branch === null ? [] : [...branch.keys()].map((key) => key.slice(prefix.length))))).map(
          (suffix) => prefix + suffix,
        ),
      fuzzyGet: (rest, maxDistance) => {
        const distances = new Map<string, number>();
        for (const branch of branches()) {
          if (branch === null) continue;
          for (const [suffix, [, distance]] of fuzzyOf(branch, rest, maxDistance))
            if (!distances.has(suffix)) distances.set(suffix, distance);
        }
        const found = new Map<string, unknown>();
        for (const suffix of live(distances.keys())) found.set(suffix, [null, distances.get(suffix)]);
        return found;
      },
    };
  }

  private postingsOf(term: string): LiveTermPostings | null {
    const base = postingsOf(this.baseIndex, term);
    const hidden = this.hidden.fieldCountsOf(term);
    const added = this.delta.fieldCountsOf(term);
    if (base === undefined && added === undefined) return null;
    const lists: LiveFieldPostings[] = [];
    for (let fieldId = 0; fieldId < FIELDS.length; fieldId += 1) {
      const baseList = base?.get(fieldId);
      const inDelta = added?.[fieldId] ?? 0;
      const size = (baseList?.size ?? 0) - (hidden?.[fieldId] ?? 0) + inDelta;
      if (size > 0) lists.push(new LiveFieldPostings(fieldId, size, () => this.merge(term, fieldId, baseList, size, inDelta)));
    }
    return lists.length === 0 ? null : new LiveTermPostings(lists);
  }

  /**
   * The field's list in live numbers: the base's visible records and the delta's, ascending. The delta's
   * postings are packed as live number × 2^16 + frequency (exact in a double) and sorted as numbers: the
   * first answer after 10,000 records came in merged a few such lists, and pairs sorted with a comparator
   * made it ~100 ms. The delta's records with the term are read only for a field some of them have it in.
   */
  private merge(term: string, fieldId: number, baseList: FieldPostingsView | undefined, size: number, inDelta: number): FieldPostings {
    const packed = new Float64Array(inDelta);
    let count = 0;
    if (inDelta > 0)
      for (const [record, byField] of this.delta.terms.get(term) ?? []) {
        const frequency = byField[fieldId]!;
        if (frequency > 0) packed[count++] = record.liveNumber * FREQUENCY_SPAN + frequency;
      }
    const added = packed.subarray(0, count).sort();
    const records = new Uint32Array(size);
    const frequencies = new Uint16Array(size);
    let at = 0;
    let next = 0;
    const putAdded = () => {
      const key = added[next++]!;
      records[at] = Math.floor(key / FREQUENCY_SPAN);
      frequencies[at] = key % FREQUENCY_SPAN;
      at += 1;
    };
    if (baseList instanceof FieldPostings) {
      const baseRecords = baseList.recordNumbers();
      const baseFrequencies = baseList.frequencies();
      const { baseToLive } = this.tables;
      for (let i = 0; i < baseRecords.length; i += 1) {
        const live = baseToLive[baseRecords[i]!]!;
        if (live < 0) continue;
        const liveKey = live * FREQUENCY_SPAN;
        while (next < count && added[next]! < liveKey) putAdded();
        records[at] = live;
        frequencies[at] = baseFrequencies[i]!;
        at += 1;
      }
    }
    while (next < count) putAdded();
    const listStarts = Uint32Array.of(0, size);
    return new FieldPostings(
      { termStarts: Uint32Array.of(0, 1), listFields: Uint8Array.of(fieldId), listStarts, records, frequencies },
      fieldId,
      0,
      size,
    );
  }
}

/** A live term's postings: one list per field some visible record has it in. */
class LiveTermPostings implements TermPostingsView {
  constructor(private readonly fieldLists: readonly LiveFieldPostings[]) {}

  get size(): number {
    return this.fieldLists.length;
  }

  get(fieldId: number): LiveFieldPostings | undefined {
    return this.fieldLists.find((list) => list.fieldId === fieldId);
  }

  *[Symbol.iterator](): IterableIterator<[number, LiveFieldPostings]> {
    for (const list of this.fieldLists) yield [list.fieldId, list];
  }

  lists(): readonly LiveFieldPostings[] {
    return this.fieldLists;
  }
}

/** One field's live list: its size known at once, its records merged on first read. */
class LiveFieldPostings implements FieldPostingsView {
  private merged: FieldPostings | null = null;

  constructor(
    readonly fieldId: number,
    readonly size: number,
    private readonly merge: () => FieldPostings,
  ) {}

  get(n: number): number | undefined {
    return this.list().get(n);
  }

  has(n: number): boolean {
    return this.list().has(n);
  }

  keys(): IterableIterator<number> {
    return this.list().keys();
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.list()[Symbol.iterator]();
  }

  recordNumbers(): Uint32Array {
    return this.list().recordNumbers();
  }

  frequencies(): Uint16Array {
    return this.list().frequencies();
  }

  private list(): FieldPostings {
    this.merged ??= this.merge();
    return this.merged;
  }
}

type Branch = { keys(): Iterable<string>; fuzzyGet(term: string, maxDistance: number): Map<string, unknown> };

function tryBranch(branch: () => Branch): Branch | null {
  try {
    return branch();
  } catch {
    return null;
  }
}

function fuzzyOf(branch: Branch, rest: string, maxDistance: number): [string, [unknown, number]][] {
  try {
    return [...branch.fuzzyGet(rest, maxDistance)] as [string, [unknown, number]][];
  } catch {
    return []; // No term starts with the prefix: MiniSearch has no branch to search.
  }
}
