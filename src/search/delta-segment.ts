import SearchableMap from 'minisearch/SearchableMap';
import type { CorpusRecord } from '../model/record.ts';
import { dayNumber, NO_DATE } from './day-number.ts';
import { FIELDS } from './mini-search.ts';
import { ARTICLE, STUB } from './record-columns.ts';
import { inHeadline, recordTerms, type RecordTerms } from './record-terms.ts';

/** A record of the delta segment, with what the index needs of it. */
export interface DeltaRecord extends RecordTerms {
  day: number;
  flags: number;
}

/**
 * The records added or replaced since the base was built: small (a few thousand at most before a
 * compaction folds them into a new base), kept per record and per term so that adding or taking
 * away one record costs about its own words.
 */
export class DeltaSegment {
  readonly records = new Map<string, DeltaRecord>();
  /** The delta's terms, for prefix and typo searches. */
  readonly terms = new SearchableMap<Set<DeltaRecord>>();
  /** Per term, how many delta records have it in each field. */
  private readonly fieldCounts = new Map<string, Uint32Array>();
  private readonly headlineCounts = new Map<string, number>();
  readonly lengthTotals = new Array<number>(FIELDS.length).fill(0);

  get size(): number {
    return this.records.size;
  }

  /** Adds a record (its id must not be in the delta). */
  add(record: CorpusRecord): DeltaRecord {
    const terms = recordTerms(record);
    const stored = terms.record;
    const added: DeltaRecord = {
      ...terms,
      day: stored.date === null ? NO_DATE : dayNumber(stored.date),
      flags: (stored.stub ? STUB : 0) | (stored.kind === 'article' ? ARTICLE : 0),
    };
    this.records.set(stored.id, added);
    this.count(added, 1);
    return added;
  }

  /** Takes away the record of an id; undefined when the delta does not have it. */
  remove(id: string): DeltaRecord | undefined {
    const removed = this.records.get(id);
    if (removed === undefined) return undefined;
    this.records.delete(id);
    this.count(removed, -1);
    return removed;
  }

  /** How many delta records have the term, by field id (undefined when none). */
  fieldCountsOf(term: string): Uint32Array | undefined {
    return this.fieldCounts.get(term);
  }

  headlineCountOf(term: string): number {
    return this.headlineCounts.get(term) ?? 0;
  }

  private count(record: DeltaRecord, sign: 1 | -1): void {
    record.fieldLengths.forEach((length, fieldId) => {
      this.lengthTotals[fieldId]! += sign * length;
    });
    for (const [term, byField] of record.terms) {
      let holders = this.terms.get(term);
      if (holders === undefined) {
        holders = new Set();
        this.terms.set(term, holders);
      }
      let counts = this.fieldCounts.get(term);
      if (counts === undefined) {
        counts = new Uint32Array(FIELDS.length);
        this.fieldCounts.set(term, counts);
      }
      byField.forEach((frequency, fieldId) => {
        if (frequency > 0) counts[fieldId]! += sign;
      });
      if (inHeadline(byField)) this.headlineCounts.set(term, this.headlineCountOf(term) + sign);
      if (sign === 1) holders.add(record);
      else holders.delete(record);
      if (holders.size === 0) {
        this.terms.delete(term);
        this.fieldCounts.delete(term);
        this.headlineCounts.delete(term);
      }
    }
  }
}
