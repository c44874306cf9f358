import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Origin } from '../model/timeline-writer.ts';
import type { CorpusManifest } from './corpus-manifest.ts';

/** Store origins are not files: `store:<name>`. */
const isStore = (origin: Origin): boolean => origin.startsWith('store:');

/** The order a fresh load merges in: files by path, then stores by name. */
function originOrder(a: Origin, b: Origin): number {
  return Number(isStore(a)) - Number(isStore(b)) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Entries (or records) per step: 250,000 held this thread up to ~70 ms at 9x WCEP on the loaded machine. */
const ENTRIES_PER_STEP = 100_000;

/** A base record's number, or the id of a record the base does not have. */
export type IdKey = number | string;

/**
 * Who gives something to each id, in origin order. For the base's records, as the manifest says, turned
 * around: file numbers per record number in two typed arrays (a counting sort: ~8 MB and ~0.1 s at 9x
 * WCEP, where a Map of a million id strings took ~45 MB and ~2 s); records whose owners changed since,
 * and ids the base does not have, in small maps.
 */
export class IdOwners {
  private readonly changed = new Map<number, Origin[]>();
  private readonly others = new Map<string, Origin[]>();

  private constructor(
    private readonly manifest: CorpusManifest,
    private readonly starts: Uint32Array,
    private readonly fileNumbers: Uint32Array,
  ) {}

  /** For a base of `count` records, in steps with the event loop let in between (0.1-0.2 s in all at 9x WCEP, loaded). */
  static async of(manifest: CorpusManifest, count: number): Promise<IdOwners> {
    const { files, starts, numbers } = manifest;
    const ownerStarts = new Uint32Array(count + 1);
    for (let k = 0; k < numbers.length; k += 1) {
      ownerStarts[numbers[k]! + 1]! += 1;
      if (k % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) await nextTurn();
    }
    for (let n = 0; n < count; n += 1) {
      ownerStarts[n + 1]! += ownerStarts[n]!;
      if (n % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) await nextTurn();
    }
    await nextTurn();
    const fileNumbers = new Uint32Array(numbers.length);
    const next = ownerStarts.slice(0, count);
    // Files in origin order, so each record's owners come out in it.
    const order = files.map((_file, i) => i).sort((a, b) => originOrder(files[a]!.path, files[b]!.path));
    let stepEnd = ENTRIES_PER_STEP;
    let done = 0;
    for (const i of order) {
      for (let k = starts[i]!; k < starts[i + 1]!; k += 1) {
        const n = numbers[k]!;
        fileNumbers[next[n]!] = i;
        next[n]! += 1;
      }
      done += starts[i + 1]! - starts[i]!;
      if (done >= stepEnd) {
        stepEnd = done + ENTRIES_PER_STEP;
        await nextTurn();
      }
    }
    return new IdOwners(manifest, ownerStarts, fileNumbers);
  }

  of(key: IdKey): readonly Origin[] {
    if (typeof key === 'string') return this.others.get(key) ?? [];
    const changed = this.changed.get(key);
    if (changed !== undefined) return changed;
    const owners: Origin[] = [];
    for (let k = this.starts[key]!; k < this.starts[key + 1]!; k += 1) owners.push(this.manifest.files[this.fileNumbers[k]!]!.path);
    return owners;
  }

  add(key: IdKey, origin: Origin): void {
    const owners = this.of(key);
    if (!owners.includes(origin)) this.set(key, [...owners, origin].sort(originOrder));
  }

  remove(key: IdKey, origin: Origin): void {
    const owners = this.of(key);
    if (owners.includes(origin))
      this.set(
        key,
        owners.filter((owner) => owner !== origin),
      );
  }

  private set(key: IdKey, owners: Origin[]): void {
    if (typeof key === 'number') this.changed.set(key, owners);
    else if (owners.length === 0) this.others.delete(key);
    else this.others.set(key, owners);
  }
}
