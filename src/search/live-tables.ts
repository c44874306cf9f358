import type { CorpusRecord, IsoDate } from '../model/record.ts';
import type { BaseTombstones } from './base-tombstones.ts';
import { monthDayNumber, NO_DATE } from './day-number.ts';
import type { DeltaRecord, DeltaSegment } from './delta-segment.ts';
import { daySpan, type RecordSpan, type RecordTables } from './record-tables.ts';
import type { CorpusIndex } from './search-index.ts';

/** Runs of base records longer than this are copied with TypedArray.set; shorter ones, by a loop (no views made). */
const BULK = 64;

/**
 * A live index's records numbered as a fresh build of them would be: in column order (date, undated
 * last, then id) over the base's visible records and the delta's. The numbering is a merge of two
 * sorted runs (the base is in column order already), made once per change in a few typed-array
 * passes; every lookup then goes to the record's own segment.
 */
export class LiveTables implements RecordTables {
  readonly count: number;
  readonly days: Int32Array;
  /** Base record number → live number, -1 when hidden. */
  readonly baseToLive: Int32Array;
  /** Live number → base record number, or -(i + 1) for the delta's i-th record in column order. */
  private readonly source: Int32Array;
  private readonly flagsOf: Uint8Array;
  /** The delta's records in column order, and their live numbers. */
  readonly deltaRecords: DeltaRecord[];
  private readonly datedCount: number;

  constructor(
    private readonly base: CorpusIndex,
    private readonly hidden: BaseTombstones,
    private readonly delta: DeltaSegment,
  ) {
    const baseTables = base.tables;
    const baseCount = base.size;
    const count = baseCount - hidden.count + delta.size;
    this.count = count;
    this.deltaRecords = delta.inColumnOrder();
    const source = new Int32Array(count);
    const baseToLive = new Int32Array(baseCount);
    const days = new Int32Array(count);
    const flags = new Uint8Array(count);
    const { days: baseDays, columns } = baseTables;
    const { flags: baseFlags } = columns;
    const hiddenNumbers = hidden.numbers();
    let n = 0;
    let b = 0;
    let nextHidden = 0;
    /** Base records b … until - 1, hidden ones left out: long runs, copied in bulk. */
    const copyBase = (until: number) => {
      while (b < until) {
        const hiddenAt = hiddenNumbers[nextHidden] ?? baseCount;
        const stop = Math.min(until, hiddenAt);
        if (stop - b > BULK) {
          days.set(baseDays.subarray(b, stop), n);
          flags.set(baseFlags.subarray(b, stop), n);
        } else {
          for (let i = b; i < stop; i += 1) {
            days[n + i - b] = baseDays[i]!;
            flags[n + i - b] = baseFlags[i]!;
          }
        }
        for (; b < stop; b += 1, n += 1) {
          baseToLive[b] = n;
          source[n] = b;
        }
        if (stop === hiddenAt && stop < until) {
          baseToLive[b] = -1;
          b += 1;
          nextHidden += 1;
        }
      }
    };
    this.deltaRecords.forEach((record, i) => {
      copyBase(delta.baseInsertionPoint(record, baseDays, columns.ids));
      source[n] = -(i + 1);
      days[n] = record.day;
      flags[n] = record.flags;
      record.liveNumber = n;
      n += 1;
    });
    copyBase(baseCount);
    this.source = source;
    this.baseToLive = baseToLive;
    this.days = days;
    this.flagsOf = flags;
    let dated = this.count;
    while (dated > 0 && this.days[dated - 1] === NO_DATE) dated -= 1;
    this.datedCount = dated;
  }

  record(n: number): CorpusRecord {
    const source = this.source[n]!;
    return source >= 0 ? this.base.tables.record(source) : this.deltaRecords[-source - 1]!.record;
  }

  readRecord(n: number): CorpusRecord {
    const source = this.source[n]!;
    return source >= 0 ? this.base.tables.readRecord(source) : this.deltaRecords[-source - 1]!.record;
  }

  idOf(n: number): string {
    const source = this.source[n]!;
    return source >= 0 ? this.base.tables.idOf(source) : this.deltaRecords[-source - 1]!.record.id;
  }

  /** The base record number or the delta record behind live number n. */
  sourceOf(n: number): number | DeltaRecord {
    const source = this.source[n]!;
    return source >= 0 ? source : this.deltaRecords[-source - 1]!;
  }

  numberOf(id: string): number | undefined {
    const inDelta = this.delta.records.get(id);
    if (inDelta !== undefined) return inDelta.liveNumber;
    const b = this.base.tables.numberOf(id);
    if (b === undefined || this.hidden.isHidden(b)) return undefined;
    return this.baseToLive[b];
  }

  recordById(id: string): CorpusRecord | undefined {
    const n = this.numberOf(id);
    return n === undefined ? undefined : this.record(n);
  }

  flags(n: number): number {
    return this.flagsOf[n]!;
  }

  /** Flags by live number (STUB | ARTICLE bits), for the scorer's document weight. */
  get flagColumn(): Uint8Array {
    return this.flagsOf;
  }

  inRange(from: IsoDate | null, to: IsoDate | null): number[] {
    const { start, end } = this.spanOf(from, to);
    const numbers: number[] = [];
    for (let n = start; n < end; n += 1) numbers.push(n);
    return numbers;
  }

  spanOf(from: IsoDate | null, to: IsoDate | null): RecordSpan {
    return daySpan(this.days, this.datedCount, from, to);
  }

  onMonthDay(month: number, day: number): readonly number[] {
    const key = monthDayNumber(month, day);
    return this.mergedWithDelta(this.base.tables.onMonthDay(month, day), this.delta.onMonthDay(key));
  }

  withContext(context: string): readonly number[] {
    return this.mergedWithDelta(this.base.tables.withContext(context), this.delta.withContext(context.toLowerCase()));
  }

  headlineFrequency(term: string): number {
    return this.base.tables.headlineFrequency(term) - this.hidden.headlineCountOf(term) + this.delta.headlineCountOf(term);
  }

  /** Base numbers (ascending) as live numbers, hidden ones left out, merged with the delta's (ascending). */
  private mergedWithDelta(baseNumbers: readonly number[], deltaRecords: readonly DeltaRecord[]): readonly number[] {
    if (this.hidden.count === 0 && this.delta.size === 0) return baseNumbers;
    const deltaNumbers = deltaRecords.map((record) => record.liveNumber).sort((a, b) => a - b);
    const merged: number[] = [];
    let next = 0;
    for (const b of baseNumbers) {
      const live = this.baseToLive[b]!;
      if (live < 0) continue;
      while (next < deltaNumbers.length && deltaNumbers[next]! < live) merged.push(deltaNumbers[next++]!);
      merged.push(live);
    }
    while (next < deltaNumbers.length) merged.push(deltaNumbers[next++]!);
    return merged;
  }
}
