import type { CorpusRecord } from '../model/record.ts';
import { buildPostings } from './build-postings.ts';
import { FIELDS } from './mini-search.ts';
import { decodeRecord, recordColumns } from './record-columns.ts';

const TITLE = FIELDS.indexOf('title');
const CONTEXTS = FIELDS.indexOf('contexts');

/** One record as a segment indexes it: what its postings and field lengths are. */
export interface RecordTerms {
  /** The record as an index gives it back (encoded and decoded, as a fresh build would store it). */
  record: CorpusRecord;
  /** Distinct words per field, by field id. */
  fieldLengths: Uint32Array;
  /** Each index term, and how often it is in each field (by field id; 0 when not). */
  terms: Map<string, Uint32Array>;
}

/** A record's terms, made by the same build a whole index uses, so a segment's postings are exactly a fresh build's. */
export function recordTerms(record: CorpusRecord): RecordTerms {
  return recordTermsOf([record])[0]!;
}

/**
 * Records' terms, from one build of them all: a build per record made ~70 KB of typed arrays each (its
 * token tables), which 10,000 additions turned into ~40 MB of malloc's heap that glibc kept after the
 * arrays were freed (/proc/<pid>/smaps and malloc_stats, in the bot after a compaction).
 */
export function recordTermsOf(records: readonly CorpusRecord[]): RecordTerms[] {
  const columns = recordColumns(records);
  const stored = records.map((_, n) => decodeRecord(columns, n));
  const built = buildPostings(stored);
  const { termStarts, listFields, listStarts, records: numbers, frequencies } = built.postings;
  const terms = stored.map(() => new Map<string, Uint32Array>());
  built.terms.forEach((term, t) => {
    for (let l = termStarts[t]!; l < termStarts[t + 1]!; l += 1) {
      for (let p = listStarts[l]!; p < listStarts[l + 1]!; p += 1) {
        const byRecord = terms[numbers[p]!]!;
        let byField = byRecord.get(term);
        if (byField === undefined) {
          byField = new Uint32Array(FIELDS.length);
          byRecord.set(term, byField);
        }
        byField[listFields[l]!] = frequencies[p]!;
      }
    }
  });
  const fields = FIELDS.length;
  return stored.map((record, n) => ({
    record,
    fieldLengths: built.fieldLengths.slice(n * fields, (n + 1) * fields),
    terms: terms[n]!,
  }));
}

/** Whether a term is in the headline or the story labels (what headline frequency counts). */
export function inHeadline(byField: Uint32Array): boolean {
  return byField[TITLE]! > 0 || byField[CONTEXTS]! > 0;
}
