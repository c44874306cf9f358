import { hash } from 'node:crypto';
import type { CorpusRecord } from '../model/record.ts';
import { mergeGroup, stubFor } from './merge-records.ts';

/** What one origin (a file, a store) gives one id: its records of that id, and the stubs its Related links make, in order. */
export interface Contribution {
  records: CorpusRecord[];
  stubs: CorpusRecord[];
}

/** Each id the records give something to (of `only` when given), with what they give, in the records' order. */
export function contributionsOf(records: readonly CorpusRecord[], only?: ReadonlySet<string>): Map<string, Contribution> {
  const byId = new Map<string, Contribution>();
  const of = (id: string) => {
    let contribution = byId.get(id);
    if (contribution === undefined) {
      contribution = { records: [], stubs: [] };
      byId.set(id, contribution);
    }
    return contribution;
  };
  const wanted = (id: string) => only === undefined || only.has(id);
  for (const record of records) if (wanted(record.id)) of(record.id).records.push(record);
  for (const record of records) {
    for (const link of record.related) if (link.id !== record.id && wanted(link.id)) of(link.id).stubs.push(stubFor(link, record));
  }
  return byId;
}

/** Characters in a contribution's digest (hexadecimal, 52 bits). */
export const DIGEST_LENGTH = 13;

/**
 * A short digest of a contribution: equal digests mean the origin gives that id the same thing, so it
 * need not be merged again. Kept instead of the records, which would double the memory.
 */
export function contributionHash(contribution: Contribution): string {
  // One call, not a Hash object per id: a build digests every id of the corpus (~1M at 9x), and in the bot each Hash
  // object's ~1.2 KB of malloc stayed until V8 collected its wrapper.
  return hash('md5', JSON.stringify(contribution)).slice(0, DIGEST_LENGTH);
}

/**
 * The one record for an id from what its origins give, in origin order (files by path, then stores):
 * exactly what `mergeRecords` makes of all the origins' records together. Null when nothing is given.
 */
export function mergeContributions(contributions: readonly Contribution[]): CorpusRecord | null {
  const group = [...contributions.flatMap((c) => c.records), ...contributions.flatMap((c) => c.stubs)];
  return group.length === 0 ? null : mergeGroup(group);
}
