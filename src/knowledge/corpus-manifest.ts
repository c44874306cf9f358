import type { CorpusProblem } from '../model/record.ts';
import { contributionHash, contributionsOf, DIGEST_LENGTH, type Contribution } from '../corpus/contributions.ts';
import type { CorpusFile, FileOutcome } from '../corpus/load-corpus.ts';

/** A corpus file as it was when last read: what was listed of it and what reading it said. */
export interface FileFacts extends CorpusFile {
  synonyms: boolean;
  /** Read within RACY_MS of its last change: a rewrite of the same size may keep the same mtime, so it is read again next time. */
  racy: boolean;
  problems: CorpusProblem[];
}

/**
 * What a file read since its base was built gives: the ids it gives something to (its records and the
 * stubs of its Related links) with a digest of what, not the records themselves; ids one a line,
 * digests end to end. Only the few files changed since the base are held this way.
 */
export interface FileEntry extends FileFacts {
  ids: string;
  hashes: string;
}

/**
 * Every file a base index was built from and what each gave it, as numbers: every id a file gives is a
 * record of that base, so it is kept as the record's number, and its 52-bit digest as a float (exact).
 * Kept beside the snapshot (manifest-file.ts), so a restart re-reads only the files changed since.
 */
export interface CorpusManifest {
  /** The snapshot's fingerprint: a manifest belongs to exactly one snapshot. */
  fingerprint: string;
  files: FileFacts[];
  /** File i gives base records numbers[starts[i] … starts[i + 1]), each with digests[…] of what. */
  starts: Uint32Array;
  numbers: Uint32Array;
  digests: Float64Array;
}

/** File times are coarse (a few ms on Linux, 1-2 s elsewhere): what changed this recently may change again unseen. */
const RACY_MS = 2_000;

function factsOf(file: CorpusFile, outcome: FileOutcome): FileFacts {
  return {
    path: file.path,
    size: file.size,
    mtimeMs: file.mtimeMs,
    synonyms: outcome.synonyms !== null,
    // The file system's clock, not the app's: compared with file times.
    racy: file.mtimeMs > Date.now() - RACY_MS,
    problems: outcome.problems,
  };
}

export function fileEntry(file: CorpusFile, outcome: FileOutcome, contributions: Map<string, Contribution>): FileEntry {
  const ids = [...contributions.keys()];
  return {
    ...factsOf(file, outcome),
    ids: ids.join('\n'),
    hashes: ids.map((id) => contributionHash(contributions.get(id)!)).join(''),
  };
}

/** What the files gave as they were read by a build, made into a manifest once its index numbers the ids. */
interface ManifestCollector {
  onFile: (file: CorpusFile, outcome: FileOutcome) => void;
  /** Throws when an id is not a record of the index: the manifest would not describe its base. */
  manifest(fingerprint: string, numberOf: (id: string) => number | undefined): CorpusManifest;
  /** What the files gave, for a manifest made with another thread's (manifestOfHalves). */
  half(): ManifestHalf;
}

/** What some of a build's files gave, their ids not numbered yet: one thread's half of the files. */
export interface ManifestHalf {
  files: FileFacts[];
  starts: Uint32Array;
  ids: string[];
  digests: Float64Array;
}

/**
 * A half's ids numbered where its thread can: by `numberOf` of its own records (the rest are numbered once
 * the halves are joined). Sent between threads without the ids it numbered: a million strings take seconds to copy.
 */
export interface NumberedHalf extends Omit<ManifestHalf, 'ids'> {
  numbers: Uint32Array;
  /** The ids not numbered yet (records of the other half), at `unnumberedAt` in `numbers`. */
  unnumbered: string[];
  unnumberedAt: Uint32Array;
}

export function numberedHalf({ ids, ...half }: ManifestHalf, numberOf: (id: string) => number | undefined): NumberedHalf {
  const numbers = new Uint32Array(ids.length);
  const unnumbered: string[] = [];
  const unnumberedAt: number[] = [];
  ids.forEach((id, i) => {
    const n = numberOf(id);
    if (n !== undefined) numbers[i] = n;
    else {
      unnumbered.push(id);
      unnumberedAt.push(i);
    }
  });
  return { ...half, numbers, unnumbered, unnumberedAt: Uint32Array.from(unnumberedAt) };
}

/** The manifest of both halves' files, front's first; `numberOf` numbers the ids the halves left unnumbered. */
export function manifestOfHalves(
  fingerprint: string,
  [front, back]: readonly [NumberedHalf, NumberedHalf],
  numberOf: (id: string) => number | undefined,
): CorpusManifest {
  const frontIds = front.numbers.length;
  const starts = new Uint32Array(front.starts.length + back.starts.length - 1);
  starts.set(front.starts);
  for (let i = 1; i < back.starts.length; i += 1) starts[front.starts.length - 1 + i] = back.starts[i]! + frontIds;
  const digests = new Float64Array(front.digests.length + back.digests.length);
  digests.set(front.digests);
  digests.set(back.digests, front.digests.length);
  const numbers = new Uint32Array(frontIds + back.numbers.length);
  numbers.set(front.numbers);
  numbers.set(back.numbers, frontIds);
  const late = numbersOf([...front.unnumbered, ...back.unnumbered], numberOf);
  const at = [...front.unnumberedAt, ...Array.from(back.unnumberedAt, (i) => frontIds + i)];
  at.forEach((i, k) => {
    numbers[i] = late[k]!;
  });
  return { fingerprint, files: [...front.files, ...back.files], starts, numbers, digests };
}

function numbersOf(ids: readonly string[], numberOf: (id: string) => number | undefined): Uint32Array {
  const numbers = new Uint32Array(ids.length);
  ids.forEach((id, i) => {
    const n = numberOf(id);
    if (n === undefined) throw new Error(`manifest: ${id} is given by a file but is not a record of the index`);
    numbers[i] = n;
  });
  return numbers;
}

/** Collects each file's facts, ids and digests as the corpus loads (loadCorpus's onFile). */
export function manifestCollector(): ManifestCollector {
  const files: FileFacts[] = [];
  const starts = [0];
  const ids: string[] = [];
  const digests: number[] = [];
  return {
    onFile(file, outcome) {
      files.push(factsOf(file, outcome));
      for (const [id, contribution] of contributionsOf(outcome.records)) {
        ids.push(id);
        digests.push(digestNumber(contributionHash(contribution)));
      }
      starts.push(ids.length);
    },
    manifest(fingerprint, numberOf) {
      return {
        fingerprint,
        files,
        starts: Uint32Array.from(starts),
        numbers: numbersOf(ids, numberOf),
        digests: Float64Array.from(digests),
      };
    },
    half: () => ({ files, starts: Uint32Array.from(starts), ids, digests: Float64Array.from(digests) }),
  };
}

/** A hexadecimal digest as the number it spells (52 bits: exact in a float). */
function digestNumber(hex: string): number {
  return Number.parseInt(hex, 16);
}

function digestText(digest: number): string {
  return digest.toString(16).padStart(DIGEST_LENGTH, '0');
}

/** Each id a file read since the base gives something to, with the digest of what. */
export function entryDigests(entry: FileEntry | undefined): Map<string, string> {
  const digests = new Map<string, string>();
  if (entry === undefined || entry.ids === '') return digests;
  entry.ids.split('\n').forEach((id, i) => digests.set(id, entry.hashes.slice(i * DIGEST_LENGTH, (i + 1) * DIGEST_LENGTH)));
  return digests;
}

/** The same for file `i` of a manifest, its ids read from the base by number: only for the files that change. */
export function manifestDigests(manifest: CorpusManifest, i: number, idOf: (n: number) => string): Map<string, string> {
  const digests = new Map<string, string>();
  for (let k = manifest.starts[i]!; k < manifest.starts[i + 1]!; k += 1)
    digests.set(idOf(manifest.numbers[k]!), digestText(manifest.digests[k]!));
  return digests;
}

/** Whether every number the manifest holds is a record of a base of `count` records. */
export function fitsBase(manifest: CorpusManifest, count: number): boolean {
  const { numbers } = manifest;
  for (let k = 0; k < numbers.length; k += 1) if (numbers[k]! >= count) return false;
  return true;
}
