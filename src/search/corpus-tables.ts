import type { CorpusRecord, IsoDate } from '../model/record.ts';
import { dayNumber, monthDayNumber, NO_DATE } from './day-number.ts';
import { indexTerms } from './text.ts';

/**
 * The corpus laid out for fast lookups. Records are numbered in date order (undated last), so a
 * date range is a binary search and a timeline is a slice.
 */
export class CorpusTables {
  readonly records: readonly CorpusRecord[];
  /** dayNumber of each record, NO_DATE when undated. */
  readonly days: Int32Array;
  private readonly datedCount: number;
  private readonly numberById = new Map<string, number>();
  private readonly byMonthDay = new Map<number, number[]>();
  private readonly byContext = new Map<string, number[]>();
  /** In how many records' headlines and contexts each term appears. */
  private readonly headlineTermFrequency = new Map<string, number>();

  constructor(records: readonly CorpusRecord[]) {
    this.records = [...records].sort(byDateThenId);
    this.days = new Int32Array(this.records.length);
    let dated = 0;
    this.records.forEach((record, n) => {
      this.numberById.set(record.id, n);
      if (record.date !== null) {
        const day = dayNumber(record.date);
        this.days[n] = day;
        dated += 1;
        push(this.byMonthDay, day % 10_000, n);
      }
      for (const context of record.contexts) push(this.byContext, context.toLowerCase(), n);
      for (const term of new Set(indexTerms(`${record.title} ${record.contexts.join(' ')}`))) {
        this.headlineTermFrequency.set(term, (this.headlineTermFrequency.get(term) ?? 0) + 1);
      }
    });
    this.datedCount = dated;
  }

  recordById(id: string): CorpusRecord | undefined {
    const n = this.numberById.get(id);
    return n === undefined ? undefined : this.records[n];
  }

  numberOf(id: string): number | undefined {
    return this.numberById.get(id);
  }

  /** Record numbers dated within [from, to], inclusive, oldest first. */
  inRange(from: IsoDate | null, to: IsoDate | null): number[] {
    const start = from === null ? 0 : this.firstDayAtLeast(dayNumber(from));
    const end = to === null ? this.datedCount : this.firstDayAtLeast(dayNumber(to) + 1);
    const numbers: number[] = [];
    for (let n = start; n < end; n += 1) numbers.push(n);
    return numbers;
  }

  onMonthDay(month: number, day: number): number[] {
    return this.byMonthDay.get(monthDayNumber(month, day)) ?? [];
  }

  withContext(context: string): readonly number[] {
    return this.byContext.get(context.toLowerCase()) ?? [];
  }

  /** How rare a headline term is: ln(1 + N / records containing it). */
  rarity(term: string): number {
    const frequency = this.headlineTermFrequency.get(term) ?? 0;
    return Math.log(1 + this.records.length / (frequency + 1));
  }

  private firstDayAtLeast(day: number): number {
    let low = 0;
    let high = this.datedCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.days[middle]! < day) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function byDateThenId(a: CorpusRecord, b: CorpusRecord): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function push<K>(map: Map<K, number[]>, key: K, n: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [n]);
  else list.push(n);
}

export { NO_DATE };
