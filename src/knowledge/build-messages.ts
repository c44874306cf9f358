import type { CorpusFile } from '../corpus/load-corpus.ts';

export interface BuildRequest {
  dirs: string[];
  /** As listed for the fingerprint: the snapshot is made of exactly the files its fingerprint names. */
  files: CorpusFile[];
  fingerprint: string;
  /** Threads the build may keep busy: 2 for a cold start (the bot has nothing else to do), 1 for a compaction (it answers meanwhile). */
  threads: 1 | 2;
  /** Where the build process writes the snapshot and its manifest (temporary names: the caller renames them into place). */
  out: BuildOutput;
}

export interface BuildOutput {
  snapshot: string;
  manifest: string;
  /** A temporary folder of the build's own (no cache folder): removed with them when the bot goes away mid-build. */
  folder: string | null;
}

export interface BuildTimings {
  parseMs: number;
  buildMs: number;
  encodeMs: number;
}

export interface BuildProgress {
  step: 'reading' | 'indexing';
  done: number;
  total: number;
  records: number;
}

/** The manifest is not sent: the bot reads it from the file the build wrote (compact: ~20 MB at 9x, read in ms). */
export type BuildReply =
  | ({ type: 'progress' } & BuildProgress)
  | { type: 'done'; timings: BuildTimings }
  | { type: 'failed'; message: string };
