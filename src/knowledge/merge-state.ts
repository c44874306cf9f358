import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CorpusRecord } from '../model/record.ts';
import type { Origin } from '../model/timeline-writer.ts';
import { contributionHash, contributionsOf, mergeContributions, type Contribution } from '../corpus/contributions.ts';
import { readCorpusFile } from '../corpus/load-corpus.ts';
import { entryDigests, type FileEntry } from './corpus-manifest.ts';

/** Store origins are not files: `store:<name>`. */
const isStore = (origin: Origin): boolean => origin.startsWith('store:');

/** The order a fresh load merges in: files by path, then stores by name. */
function originOrder(a: Origin, b: Origin): number {
  return Number(isStore(a)) - Number(isStore(b)) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Merged records to put in the index, and ids no origin gives anything any more. */
export interface MergedChanges {
  upserted: CorpusRecord[];
  removed: string[];
}

/**
 * Who gives what to which id, so that a change of one origin merges again only the ids it touches,
 * exactly as a fresh load of every origin would. Files are remembered by their manifest entry (ids and
 * digests, not records) and re-read when another origin's change needs what they give; stores are
 * small and kept whole.
 */
export class MergeState {
  private readonly files = new Map<string, FileEntry>();
  /**
   * Who gives something to each id, in origin order: one origin as a plain string (most ids), several
   * as an array. Made when first needed (see `prepare`): a start or compaction with no change since
   * need not pay for it.
   */
  private owners: Map<string, Origin | Origin[]> | null = null;
  /** What written origins give, kept whole: a store is small, and its records are nowhere else to re-read. */
  private readonly stores = new Map<Origin, Map<string, Contribution>>();

  constructor(entries: readonly FileEntry[]) {
    for (const entry of entries) this.files.set(entry.path, entry);
  }

  /** Makes the map of owners, letting the event loop in between slices of files (~0.1-0.2 s in all for the archive). */
  async prepare(): Promise<void> {
    if (this.owners !== null) return;
    const owners = new Map<string, Origin | Origin[]>();
    let n = 0;
    for (const entry of this.files.values()) {
      if (entry.ids !== '') for (const id of entry.ids.split('\n')) addOwner(owners, id, entry.path);
      n += 1;
      if (n % FILES_PER_SLICE === 0) await nextTurn();
    }
    this.owners ??= owners;
  }

  fileEntries(): IterableIterator<FileEntry> {
    return this.files.values();
  }

  file(path: string): FileEntry | undefined {
    return this.files.get(path);
  }

  /** Makes `entry` (null: the file is gone) what its file gives; returns the ids whose merge may have changed. */
  replaceFile(path: string, entry: FileEntry | null): string[] {
    const old = entryDigests(this.files.get(path));
    const now = entryDigests(entry ?? undefined);
    if (entry === null) this.files.delete(path);
    else this.files.set(path, entry);
    return this.reown(path, old, now);
  }

  /**
   * Makes `records` everything a written origin (a store, or anything given through the write API
   * rather than read from a file by the watcher) gives; returns the ids whose merge may have changed.
   */
  replaceWritten(origin: Origin, records: readonly CorpusRecord[]): string[] {
    const before = this.stores.get(origin) ?? new Map<string, Contribution>();
    const after = contributionsOf(records);
    if (after.size === 0) this.stores.delete(origin);
    else this.stores.set(origin, after);
    const digests = (contributions: Map<string, Contribution>) =>
      new Map([...contributions].map(([id, contribution]) => [id, contributionHash(contribution)]));
    return this.reown(origin, digests(before), digests(after));
  }

  /**
   * The merged record of each id, from what each of its origins gives: from `read` when given (files
   * just parsed), from the store, or by reading the file again.
   */
  merge(ids: Iterable<string>, read: Map<string, Map<string, Contribution>>): MergedChanges {
    const upserted: CorpusRecord[] = [];
    const removed: string[] = [];
    const given = (origin: Origin): Map<string, Contribution> => {
      const known = this.stores.get(origin) ?? read.get(origin);
      if (known !== undefined) return known;
      const contributions = contributionsOf(readCorpusFile(origin).records);
      read.set(origin, contributions);
      return contributions;
    };
    for (const id of ids) {
      const owners = this.ownerMap().get(id);
      const origins = owners === undefined ? [] : typeof owners === 'string' ? [owners] : owners;
      const merged = mergeContributions(origins.flatMap((origin) => given(origin).get(id) ?? []));
      if (merged === null) removed.push(id);
      else upserted.push(merged);
    }
    return { upserted, removed };
  }

  private reown(origin: Origin, before: Map<string, string>, after: Map<string, string>): string[] {
    const changed: string[] = [];
    for (const [id, digest] of before) {
      if (after.get(id) === digest) continue;
      changed.push(id);
      if (!after.has(id)) this.removeOwner(id, origin);
    }
    for (const id of after.keys()) {
      if (before.has(id)) continue;
      changed.push(id);
      this.addOwner(id, origin);
    }
    return changed;
  }

  private ownerMap(): Map<string, Origin | Origin[]> {
    if (this.owners === null) throw new Error('MergeState: prepare() before changes');
    return this.owners;
  }

  private addOwner(id: string, origin: Origin): void {
    addOwner(this.ownerMap(), id, origin);
  }

  private removeOwner(id: string, origin: Origin): void {
    const owners = this.ownerMap().get(id);
    if (owners === undefined || owners === origin) this.ownerMap().delete(id);
    else if (typeof owners !== 'string') {
      const left = owners.filter((owner) => owner !== origin);
      this.ownerMap().set(id, left.length === 1 ? left[0]! : left);
    }
  }
}

const FILES_PER_SLICE = 500;

function addOwner(map: Map<string, Origin | Origin[]>, id: string, origin: Origin): void {
  const owners = map.get(id);
  if (owners === undefined) map.set(id, origin);
  else if (typeof owners === 'string') {
    if (owners !== origin) map.set(id, [owners, origin].sort(originOrder));
  } else if (!owners.includes(origin)) {
    owners.push(origin);
    owners.sort(originOrder);
  }
}
