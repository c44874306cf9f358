import type { CorpusRecord, IsoDate } from '../model/record.ts';
import { dayNumber } from './day-number.ts';

/** Record numbers start … end - 1: the records of a date range, records being numbered in date order. */
export interface RecordSpan {
  start: number;
  end: number;
}

/** Record numbers, ascending: an array, or a view of a typed array. */
export type RecordNumbers = Uint32Array | readonly number[];

/**
 * What search and related events read of the records, by number (position in date order): the
 * base's columns (CorpusTables) or a live index's view over its base and delta (LiveTables).
 */
export interface RecordTables {
  readonly count: number;
  /** dayNumber of each record, NO_DATE when undated. */
  readonly days: Int32Array;
  /** The full record; the last few thousand are kept decoded. */
  record(n: number): CorpusRecord;
  /** The full record, read without the decoded-record cache (for records read once and dropped). */
  readRecord(n: number): CorpusRecord;
  idOf(n: number): string;
  numberOf(id: string): number | undefined;
  recordById(id: string): CorpusRecord | undefined;
  flags(n: number): number;
  /** Record numbers dated within [from, to], inclusive, oldest first. */
  inRange(from: IsoDate | null, to: IsoDate | null): number[];
  spanOf(from: IsoDate | null, to: IsoDate | null): RecordSpan;
  onMonthDay(month: number, day: number): readonly number[];
  /** The records having a story label (any case), ascending. */
  withContext(context: string): RecordNumbers;
  /** In how many records' headlines and contexts a term appears. */
  headlineFrequency(term: string): number;
}

/** The records dated within [from, to] are numbers start … end - 1 (records are in date order, the dated first). */
export function daySpan(days: Int32Array, datedCount: number, from: IsoDate | null, to: IsoDate | null): RecordSpan {
  const firstDayAtLeast = (day: number) => {
    let low = 0;
    let high = datedCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (days[middle]! < day) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    start: from === null ? 0 : firstDayAtLeast(dayNumber(from)),
    end: to === null ? datedCount : firstDayAtLeast(dayNumber(to) + 1),
  };
}

/** The record numbers of a span, in order. */
export function numbersIn({ start, end }: RecordSpan): number[] {
  const numbers: number[] = [];
  for (let n = start; n < end; n += 1) numbers.push(n);
  return numbers;
}
