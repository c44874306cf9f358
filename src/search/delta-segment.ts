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
  /** Its story labels, lower-cased (as the base's label lookup compares them). */
  contextKeys: string[];
  /**
   * Its number in the live index's current numbering, stamped by the LiveTables that made it (the
   * only one in use: a change makes a new one, and nothing keeps the old).
   */
  liveNumber: number;
  /** Where it goes among the base's records (the first base record after it in column order), found once. */
  baseInsertionPoint?: number;
}

/**
 * The records added or replaced since the base was built: small (a few thousand at most before a
 * compaction folds them into a new base), kept per record and per term so that adding or taking
 * away one record costs about its own words.
 */
export class DeltaSegment {
  readonly records = new Map<string, DeltaRecord>();
  /** The same records in column order (date, undated last, then id), kept sorted as they come and go. */
  private readonly sorted: DeltaRecord[] = [];
  /** The delta's terms, for prefix and typo searches; per term, the records with it and its frequency in each field. */
  readonly terms = new SearchableMap<Map<DeltaRecord, Uint32Array>>();
  /** Per term, how many delta records have it in each field. */
  private readonly fieldCounts = new Map<string, Uint32Array>();
  private readonly headlineCounts = new Map<string, number>();
  /** Records by story label (lower-cased; once per label as written, as the base's lookup has them) and by month-day. */
  private readonly byContext = new Map<string, DeltaRecord[]>();
  private readonly byMonthDay = new Map<number, DeltaRecord[]>();
  readonly lengthTotals = new Array<number>(FIELDS.length).fill(0);

  get size(): number {
    return this.records.size;
  }

  /** Adds a record (its id must not be in the delta), with its terms when they were made with others' (recordTermsOf). */
  add(record: CorpusRecord, terms: RecordTerms = recordTerms(record)): DeltaRecord {
    const stored = terms.record;
    const added: DeltaRecord = {
      ...terms,
      day: stored.date === null ? NO_DATE : dayNumber(stored.date),
      flags: (stored.stub ? STUB : 0) | (stored.kind === 'article' ? ARTICLE : 0),
      contextKeys: stored.contexts.map((context) => context.toLowerCase()),
      liveNumber: -1,
    };
    this.records.set(stored.id, added);
    this.sorted.splice(this.positionOf(added), 0, added);
    for (const key of added.contextKeys) push(this.byContext, key, added);
    if (added.day !== NO_DATE) push(this.byMonthDay, added.day % 10_000, added);
    this.count(added, 1);
    return added;
  }

  /** Takes away the record of an id; undefined when the delta does not have it. */
  remove(id: string): DeltaRecord | undefined {
    const removed = this.records.get(id);
    if (removed === undefined) return undefined;
    this.records.delete(id);
    this.sorted.splice(this.positionOf(removed), 1);
    for (const key of new Set(removed.contextKeys)) pull(this.byContext, key, removed);
    if (removed.day !== NO_DATE) pull(this.byMonthDay, removed.day % 10_000, removed);
    this.count(removed, -1);
    return removed;
  }

  inColumnOrder(): DeltaRecord[] {
    return [...this.sorted];
  }

  /** The number of the first base record after this delta record in column order (base days and ids by number). */
  baseInsertionPoint(record: DeltaRecord, baseDays: Int32Array, baseId: (n: number) => string): number {
    if (record.baseInsertionPoint === undefined) {
      let low = 0;
      let high = baseDays.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        // The id only for a record of the same day: after a start from a snapshot, each is a read from its file.
        const day = baseDays[middle]!;
        const before = day === record.day ? baseId(middle) < record.record.id : compareKeys(day, '', record.day, '') < 0;
        if (before) low = middle + 1;
        else high = middle;
      }
      record.baseInsertionPoint = low;
    }
    return record.baseInsertionPoint;
  }

  /** Where the record is, or goes, in the sorted records. */
  private positionOf(record: DeltaRecord): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.sorted[middle]!;
      if (compareKeys(other.day, other.record.id, record.day, record.record.id) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  withContext(key: string): readonly DeltaRecord[] {
    return this.byContext.get(key) ?? [];
  }

  /** Records dated on a month-day (monthDayNumber) in any year. */
  onMonthDay(monthDay: number): readonly DeltaRecord[] {
    return this.byMonthDay.get(monthDay) ?? [];
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
        holders = new Map();
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
      if (sign === 1) holders.set(record, byField);
      else holders.delete(record);
      if (holders.size === 0) {
        this.terms.delete(term);
        this.fieldCounts.delete(term);
        this.headlineCounts.delete(term);
      }
    }
  }
}

/** Column order: by date, undated last, then by id. */
function compareKeys(dayA: number, idA: string, dayB: number, idB: string): number {
  if (dayA !== dayB) {
    if (dayA === NO_DATE) return 1;
    if (dayB === NO_DATE) return -1;
    return dayA - dayB;
  }
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

function push<K>(map: Map<K, DeltaRecord[]>, key: K, record: DeltaRecord): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [record]);
  else list.push(record);
}

function pull<K>(map: Map<K, DeltaRecord[]>, key: K, record: DeltaRecord): void {
  const list = map.get(key)?.filter((other) => other !== record) ?? [];
  if (list.length === 0) map.delete(key);
  else map.set(key, list);
}
