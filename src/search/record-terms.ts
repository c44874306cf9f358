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
  const stored = decodeRecord(recordColumns([record]), 0);
  const built = buildPostings([stored]);
  const { termStarts, listFields, listStarts, frequencies } = built.postings;
  const terms = new Map<string, Uint32Array>();
  built.terms.forEach((term, t) => {
    const byField = new Uint32Array(FIELDS.length);
    for (let l = termStarts[t]!; l < termStarts[t + 1]!; l += 1) byField[listFields[l]!] = frequencies[listStarts[l]!]!;
    terms.set(term, byField);
  });
  return { record: stored, fieldLengths: built.fieldLengths, terms };
}

/** Whether a term is in the headline or the story labels (what headline frequency counts). */
export function inHeadline(byField: Uint32Array): boolean {
  return byField[TITLE]! > 0 || byField[CONTEXTS]! > 0;
}
