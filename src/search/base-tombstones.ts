import { FIELDS } from './mini-search.ts';
import type { CorpusRecord } from '../model/record.ts';
import { inHeadline, recordTermsOf } from './record-terms.ts';
import type { CorpusIndex } from './search-index.ts';

/**
 * The base records a live index hides (removed, or replaced by a delta record), and what they took
 * away from the base's statistics: postings per term and field, headline counts, field lengths. A
 * base record once hidden stays hidden; a record of its id that comes back lives in the delta.
 */
export class BaseTombstones {
  readonly hidden: Uint8Array;
  count = 0;
  private readonly fieldCounts = new Map<string, Uint32Array>();
  private readonly headlineCounts = new Map<string, number>();
  readonly lengthTotals = new Array<number>(FIELDS.length).fill(0);
  private readonly hiddenNumbers: number[] = [];
  private sortedNumbers: number[] | null = null;

  constructor(private readonly base: CorpusIndex) {
    this.hidden = new Uint8Array(base.size);
  }

  /** The hidden base records' numbers, ascending. */
  numbers(): number[] {
    this.sortedNumbers ??= [...this.hiddenNumbers].sort((a, b) => a - b);
    return this.sortedNumbers;
  }

  isHidden(n: number): boolean {
    return this.hidden[n] === 1;
  }

  /**
   * Hides these base records (those not hidden yet), their words read by one build of them all, as
   * additions are (recordTermsOf): a build per record cost ~0.2 ms each and its token tables (10,000
   * removals held the thread ~1.8 s). Returns the records hidden now, as the base gives them.
   */
  hide(numbers: readonly number[]): CorpusRecord[] {
    const fresh = [...new Set(numbers)].filter((n) => this.hidden[n] !== 1);
    if (fresh.length === 0) return [];
    const records = fresh.map((n) => this.base.tables.readRecord(n));
    const read = recordTermsOf(records);
    for (const n of fresh) {
      this.hidden[n] = 1;
      this.hiddenNumbers.push(n);
    }
    this.count += fresh.length;
    this.sortedNumbers = null;
    for (const { fieldLengths, terms } of read) this.takeAway(fieldLengths, terms);
    return records;
  }

  private takeAway(fieldLengths: Uint32Array, terms: Map<string, Uint32Array>): void {
    fieldLengths.forEach((length, fieldId) => {
      this.lengthTotals[fieldId]! += length;
    });
    for (const [term, byField] of terms) {
      let counts = this.fieldCounts.get(term);
      if (counts === undefined) {
        counts = new Uint32Array(FIELDS.length);
        this.fieldCounts.set(term, counts);
      }
      byField.forEach((frequency, fieldId) => {
        if (frequency > 0) counts[fieldId]! += 1;
      });
      if (inHeadline(byField)) this.headlineCounts.set(term, this.headlineCountOf(term) + 1);
    }
  }

  /** How many hidden records have the term, by field id (undefined when none). */
  fieldCountsOf(term: string): Uint32Array | undefined {
    return this.fieldCounts.get(term);
  }

  headlineCountOf(term: string): number {
    return this.headlineCounts.get(term) ?? 0;
  }
}
