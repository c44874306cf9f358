import type { CorpusRecord } from '../model/record.ts';
import type { Origin } from '../model/timeline-writer.ts';
import { contributionHash, contributionsOf, mergeContributions, type Contribution } from '../corpus/contributions.ts';
import { readCorpusFile } from '../corpus/load-corpus.ts';
import { entryDigests, manifestDigests, type CorpusManifest, type FileEntry, type FileFacts } from './corpus-manifest.ts';
import { IdOwners, type IdKey } from './id-owners.ts';

/** What a merge state needs of the base its manifest describes: its ids by record number and back. */
interface BaseIds {
  readonly count: number;
  idOf(n: number): string;
  numberOf(id: string): number | undefined;
}

/** Merged records to put in the index, and ids no origin gives anything any more. */
export interface MergedChanges {
  upserted: CorpusRecord[];
  removed: string[];
}

/**
 * Who gives what to which id, so that a change of one origin merges again only the ids it touches,
 * exactly as a fresh load of every origin would. Files are remembered by what they gave (ids and
 * digests, not records): the base's files as its manifest says, by record number, those read since as
 * strings; a file is re-read when another origin's change needs what it gives. Stores are small and
 * kept whole.
 */
export class MergeState {
  /** A base file's number in the manifest, or the entry of a file read since. */
  private readonly files = new Map<string, number | FileEntry>();
  /** Who gives something to each id. Made when first needed (`prepare`): a start or compaction with no change since need not pay for it. */
  private owners: IdOwners | null = null;
  /** What written origins give, kept whole: a store is small, and its records are nowhere else to re-read. */
  private readonly stores = new Map<Origin, Map<string, Contribution>>();

  constructor(
    private readonly manifest: CorpusManifest,
    private readonly base: BaseIds,
  ) {
    manifest.files.forEach((file, i) => this.files.set(file.path, i));
  }

  /** Makes the table of owners before a first change: typed-array passes over the manifest, in steps (~0.1 s in all at 9x WCEP). */
  async prepare(): Promise<void> {
    if (this.owners !== null) return;
    const owners = await IdOwners.of(this.manifest, this.base.count);
    this.owners ??= owners;
  }

  *fileEntries(): Generator<FileFacts> {
    for (const path of this.files.keys()) yield this.file(path)!;
  }

  file(path: string): FileFacts | undefined {
    const entry = this.files.get(path);
    return typeof entry === 'number' ? this.manifest.files[entry] : entry;
  }

  /** Makes `entry` (null: the file is gone) what its file gives; returns the ids whose merge may have changed. */
  replaceFile(path: string, entry: FileEntry | null): string[] {
    const old = this.digestsOf(path);
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
      const origins = this.ownerTable().of(this.keyOf(id));
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

  private digestsOf(path: string): Map<string, string> {
    const entry = this.files.get(path);
    return typeof entry === 'number' ? manifestDigests(this.manifest, entry, (n) => this.base.idOf(n)) : entryDigests(entry);
  }

  private keyOf(id: string): IdKey {
    return this.base.numberOf(id) ?? id;
  }

  private ownerTable(): IdOwners {
    if (this.owners === null) throw new Error('MergeState: prepare() before changes');
    return this.owners;
  }

  private addOwner(id: string, origin: Origin): void {
    this.ownerTable().add(this.keyOf(id), origin);
  }

  private removeOwner(id: string, origin: Origin): void {
    this.ownerTable().remove(this.keyOf(id), origin);
  }
}
