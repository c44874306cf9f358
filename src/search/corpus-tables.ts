import type { CorpusRecord, IsoDate } from '../model/record.ts';
import { monthDayNumber, NO_DATE } from './day-number.ts';
import { decodeRecord, type RecordColumns } from './record-columns.ts';
import { daySpan, type RecordSpan, type RecordTables } from './record-tables.ts';

const DECODED_CACHE_SIZE = 2_000;

/**
 * Lookups over the record columns: by id, by date range (a binary search, records being in date
 * order), by month-day, by context, and how rare a headline word is.
 */
export class CorpusTables implements RecordTables {
  readonly days: Int32Array;
  private readonly datedCount: number;
  private readonly numberById = new Map<string, number>();
  private readonly byMonthDay = new Map<number, number[]>();
  private readonly byContext = new Map<number, number[]>();
  private readonly contextNumber = new Map<string, number>();
  private readonly decoded = new Map<number, CorpusRecord>();

  constructor(
    readonly columns: RecordColumns,
    /** In how many records' headlines and contexts each term appears. */
    private readonly headlineTermFrequency: (term: string) => number,
  ) {
    this.days = columns.days;
    columns.ids.forEach((id, n) => this.numberById.set(id, n));
    let dated = 0;
    for (let n = 0; n < columns.count; n += 1) {
      const day = columns.days[n]!;
      if (day === NO_DATE) continue;
      dated += 1;
      push(this.byMonthDay, day % 10_000, n);
    }
    this.datedCount = dated;
    columns.contextNames.forEach((name, id) => this.contextNumber.set(name, id));
    for (let n = 0; n < columns.count; n += 1) {
      for (let i = columns.contextStarts[n]!; i < columns.contextStarts[n + 1]!; i += 1) push(this.byContext, columns.contextIds[i]!, n);
    }
  }

  get count(): number {
    return this.columns.count;
  }

  /** The full record, decoded on demand; the last few thousand are kept. */
  record(n: number): CorpusRecord {
    let record = this.decoded.get(n);
    if (record === undefined) {
      record = decodeRecord(this.columns, n);
      if (this.decoded.size >= DECODED_CACHE_SIZE) this.decoded.delete(this.decoded.keys().next().value!);
      this.decoded.set(n, record);
    }
    return record;
  }

  readRecord(n: number): CorpusRecord {
    return decodeRecord(this.columns, n);
  }

  idOf(n: number): string {
    return this.columns.ids[n]!;
  }

  /** A record's number (its position in date order), undefined when no record has the id. */
  numberOf(id: string): number | undefined {
    return this.numberById.get(id);
  }

  recordById(id: string): CorpusRecord | undefined {
    const n = this.numberById.get(id);
    return n === undefined ? undefined : this.record(n);
  }

  flags(n: number): number {
    return this.columns.flags[n]!;
  }

  /** Record numbers dated within [from, to], inclusive, oldest first. */
  inRange(from: IsoDate | null, to: IsoDate | null): number[] {
    const { start, end } = this.spanOf(from, to);
    const numbers: number[] = [];
    for (let n = start; n < end; n += 1) numbers.push(n);
    return numbers;
  }

  /** The records dated within [from, to] are numbers start … end - 1 (records are in date order). */
  spanOf(from: IsoDate | null, to: IsoDate | null): RecordSpan {
    return daySpan(this.days, this.datedCount, from, to);
  }

  onMonthDay(month: number, day: number): readonly number[] {
    return this.byMonthDay.get(monthDayNumber(month, day)) ?? [];
  }

  withContext(context: string): readonly number[] {
    const id = this.contextId(context);
    return id === undefined ? [] : (this.byContext.get(id) ?? []);
  }

  /** A context's number, whatever its case; undefined when no record has it. */
  contextId(context: string): number | undefined {
    return this.contextNumber.get(context.toLowerCase());
  }

  /** Whether record n has any of these contexts (by number). */
  hasAnyContext(n: number, contextIds: ReadonlySet<number>): boolean {
    const { contextStarts, contextIds: ids } = this.columns;
    for (let i = contextStarts[n]!; i < contextStarts[n + 1]!; i += 1) if (contextIds.has(ids[i]!)) return true;
    return false;
  }

  /** In how many records' headlines and contexts a term appears. */
  headlineFrequency(term: string): number {
    return this.headlineTermFrequency(term);
  }

  /** How rare a headline term is: ln(1 + N / records containing it). */
  rarity(term: string): number {
    return Math.log(1 + this.columns.count / (this.headlineFrequency(term) + 1));
  }
}

function push<K>(map: Map<K, number[]>, key: K, n: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [n]);
  else list.push(n);
}
