import type { CorpusRecord, IsoDate } from '../model/record.ts';
import { monthDayNumber, NO_DATE } from './day-number.ts';
import { decodeRecord, idOf, numberOfId, type RecordColumns } from './record-columns.ts';
import { daySpan, numbersIn, type RecordSpan, type RecordTables } from './record-tables.ts';

const DECODED_CACHE_SIZE = 2_000;

/**
 * Lookups over the record columns: by id, by date range (a binary search, records being in date
 * order), by month-day, by context, and how rare a headline word is.
 */
export class CorpusTables implements RecordTables {
  readonly days: Int32Array;
  private readonly datedCount: number;
  /** Records by month-day (monthDayNumber) and by context number, as counting sorts (see Grouped), made on first use. */
  private monthDays: Grouped | null = null;
  private contexts: Grouped | null = null;
  private readonly contextNumber = new Map<string, number>();
  private readonly decoded = new Map<number, CorpusRecord>();

  constructor(
    readonly columns: RecordColumns,
    /** In how many records' headlines and contexts each term appears. */
    private readonly headlineTermFrequency: (term: string) => number,
  ) {
    this.days = columns.days;
    let dated = 0;
    while (dated < columns.count && columns.days[dated] !== NO_DATE) dated += 1;
    this.datedCount = dated;
    columns.contextNames.forEach((name, id) => this.contextNumber.set(name, id));
  }

  /** Two passes over every record (~0.1 s at 1M records): left out of a start, made by the first query that needs them. */
  private get byMonthDay(): Grouped {
    this.monthDays ??= grouped(MONTH_DAYS, this.datedCount, (n, each) => each(this.days[n]! % 10_000));
    return this.monthDays;
  }

  private get byContext(): Grouped {
    const { contextNames, count, contextStarts, contextIds } = this.columns;
    this.contexts ??= grouped(contextNames.length, count, (n, each) => {
      for (let i = contextStarts[n]!; i < contextStarts[n + 1]!; i += 1) each(contextIds[i]!);
    });
    return this.contexts;
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

  /** A record's number (its position in date order), undefined when no record has the id. */
  numberOf(id: string): number | undefined {
    return numberOfId(this.columns, id);
  }

  idOf(n: number): string {
    return idOf(this.columns, n);
  }

  recordById(id: string): CorpusRecord | undefined {
    const n = numberOfId(this.columns, id);
    return n === undefined ? undefined : this.record(n);
  }

  flags(n: number): number {
    return this.columns.flags[n]!;
  }

  /** Record numbers dated within [from, to], inclusive, oldest first. */
  inRange(from: IsoDate | null, to: IsoDate | null): number[] {
    return numbersIn(this.spanOf(from, to));
  }

  /** The records dated within [from, to] are numbers start … end - 1 (records are in date order). */
  spanOf(from: IsoDate | null, to: IsoDate | null): RecordSpan {
    return daySpan(this.days, this.datedCount, from, to);
  }

  onMonthDay(month: number, day: number): number[] {
    const key = monthDayNumber(month, day);
    return key < MONTH_DAYS ? Array.from(group(this.byMonthDay, key)) : [];
  }

  /** The records with a context, ascending: a view, not a copy. */
  withContext(context: string): Uint32Array {
    const id = this.contextId(context);
    return id === undefined ? EMPTY : group(this.byContext, id);
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

/** Month-day numbers run 101 … 1231. */
const MONTH_DAYS = 1232;
const EMPTY = new Uint32Array(0);

/** Records grouped by a small number: group k is records[starts[k] … starts[k + 1] - 1], ascending. */
interface Grouped {
  starts: Uint32Array;
  records: Uint32Array;
}

function group({ starts, records }: Grouped, key: number): Uint32Array {
  return records.subarray(starts[key], starts[key + 1]);
}

/**
 * Records 0 … count - 1 by the keys (0 … keys - 1) `keysOf` gives each, by a counting sort: two passes
 * and two typed arrays, where a Map of arrays took ~3 million pushes and ~40 MB of heap at 1M records.
 */
function grouped(keys: number, count: number, keysOf: (n: number, each: (key: number) => void) => void): Grouped {
  const starts = new Uint32Array(keys + 1);
  for (let n = 0; n < count; n += 1)
    keysOf(n, (key) => {
      starts[key + 1]! += 1;
    });
  for (let key = 0; key < keys; key += 1) starts[key + 1]! += starts[key]!;
  const records = new Uint32Array(starts[keys]!);
  const next = starts.slice(0, keys);
  for (let n = 0; n < count; n += 1)
    keysOf(n, (key) => {
      records[next[key]!] = n;
      next[key]! += 1;
    });
  return { starts, records };
}
