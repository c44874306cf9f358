import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CorpusProblem } from '../model/record.ts';
import { contributionHash, contributionsOf, DIGEST_LENGTH, type Contribution } from '../corpus/contributions.ts';
import type { CorpusFile, FileOutcome } from '../corpus/load-corpus.ts';

/**
 * What one corpus file gave when it was last read: the ids it gives something to (its records and
 * the stubs of its Related links) with a digest of what, not the records themselves. Both are one
 * string per file (ids one a line, digests end to end): 9,600 strings load and copy between threads
 * in a fraction of the time 125,000 would take.
 */
export interface FileEntry extends CorpusFile {
  synonyms: boolean;
  /** Read within RACY_MS of its last change: a rewrite of the same size may keep the same mtime, so it is read again next time. */
  racy: boolean;
  ids: string;
  hashes: string;
  problems: CorpusProblem[];
}

/** Every file a base index was built from; kept beside its snapshot, so a restart re-reads only what changed since. */
export interface CorpusManifest {
  /** The snapshot's fingerprint: a manifest belongs to exactly one snapshot. */
  fingerprint: string;
  files: FileEntry[];
}

/** File times are coarse (a few ms on Linux, 1-2 s elsewhere): what changed this recently may change again unseen. */
const RACY_MS = 2_000;

export function fileEntry(file: CorpusFile, outcome: FileOutcome, contributions: Map<string, Contribution>): FileEntry {
  const ids = [...contributions.keys()];
  return {
    path: file.path,
    size: file.size,
    mtimeMs: file.mtimeMs,
    synonyms: outcome.synonyms !== null,
    // The file system's clock, not the app's: compared with file times.
    racy: file.mtimeMs > Date.now() - RACY_MS,
    ids: ids.join('\n'),
    hashes: ids.map((id) => contributionHash(contributions.get(id)!)).join(''),
    problems: outcome.problems,
  };
}

/** Collects each file's entry as the corpus loads (loadCorpus's onFile). */
export function manifestCollector(): { onFile: (file: CorpusFile, outcome: FileOutcome) => void; entries: FileEntry[] } {
  const entries: FileEntry[] = [];
  return { entries, onFile: (file, outcome) => entries.push(fileEntry(file, outcome, contributionsOf(outcome.records))) };
}

/** Each id the file gives something to, with the digest of what. */
export function entryDigests(entry: FileEntry | undefined): Map<string, string> {
  const digests = new Map<string, string>();
  if (entry === undefined || entry.ids === '') return digests;
  entry.ids.split('\n').forEach((id, i) => digests.set(id, entry.hashes.slice(i * DIGEST_LENGTH, (i + 1) * DIGEST_LENGTH)));
  return digests;
}

export function manifestPath(snapshotPath: string): string {
  return `${snapshotPath}.manifest.json`;
}

export async function readManifest(path: string): Promise<CorpusManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(path, 'utf8')) as CorpusManifest;
    return typeof manifest.fingerprint === 'string' && Array.isArray(manifest.files) ? manifest : null;
  } catch {
    return null;
  }
}

/** Written beside, then renamed over, after its snapshot: a manifest never names a snapshot that is not on disk. */
export async function writeManifest(path: string, manifest: CorpusManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(manifest));
  await rename(temporary, path);
}
