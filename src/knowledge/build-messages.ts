import type { CorpusFile } from '../corpus/load-corpus.ts';
import type { FileEntry } from './corpus-manifest.ts';

export interface BuildRequest {
  dirs: string[];
  /** As listed for the fingerprint: the snapshot is made of exactly the files its fingerprint names. */
  files: CorpusFile[];
  fingerprint: string;
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

export type BuildReply =
  | ({ type: 'progress' } & BuildProgress)
  | { type: 'done'; snapshot: ArrayBuffer; files: FileEntry[]; timings: BuildTimings }
  | { type: 'failed'; message: string };
