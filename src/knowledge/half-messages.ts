import type { Contribution } from '../corpus/contributions.ts';
import type { CorpusFile } from '../corpus/load-corpus.ts';
import type { SynonymSet } from '../corpus/parse-synonyms.ts';
import type { CorpusProblem, CorpusRecord } from '../model/record.ts';
import { bytesInMemory } from '../search/byte-source.ts';
import type { PostingsPart, PostingsPieces } from '../search/build-postings.ts';
import type { AcronymTallyData } from '../search/mine-aliases.ts';
import type { RecordColumns } from '../search/record-columns.ts';
import type { NumberedHalf } from './corpus-manifest.ts';

// What the two threads of a build (build-snapshot.ts and half-build-thread.ts) say to each other, in this order.

/** To the back thread. */
export type ToBack =
  /** The files it parses: the back half of the corpus, in path order. */
  | { type: 'start'; files: CorpusFile[] }
  /** The positions in its 'ids' hashes of those the front half's ids have too: maybe the same ids. */
  | { type: 'candidates'; positions: Int32Array }
  /** The ids both halves give something to (see FromBack 'ids'): the front thread merges them. */
  | { type: 'cross'; ids: string[] }
  /** Records dated on or after this day number (and undated ones) are the back thread's, the others the front's. */
  | { type: 'pivot'; pivot: number }
  /** The front thread's records that are the back thread's. */
  | { type: 'records'; records: CorpusRecord[] }
  /** How many records come before the back thread's, and their origin files as their columns number them. */
  | { type: 'front'; count: number; originFiles: string[] };

/** To the front thread. */
export type FromBack =
  /**
   * The hash (idHash) of every id the back half's files give something to: 4 bytes an id to copy, not its ~130
   * characters (at 9x the ids as one string took ~1.2 s to join here and as long to split there).
   */
  | { type: 'ids'; hashes: Int32Array }
  /** The ids at the 'candidates' positions, in their order. */
  | { type: 'candidates'; ids: string[] }
  /** What the back half gives each of the 'cross' ids, in their order. */
  | { type: 'groups'; contributions: Contribution[] }
  /** The day number of each record the back thread merged (UNDATED for none), ascending. */
  | { type: 'days'; days: Int32Array }
  | { type: 'records'; records: CorpusRecord[] }
  | BackHalf;

/** What the back thread made of its records and files. */
export interface BackHalf {
  type: 'built';
  columns: ColumnsData;
  postings: PostingsData;
  acronyms: AcronymTallyData;
  manifest: NumberedHalf;
  problems: CorpusProblem[];
  synonyms: SynonymSet[];
}

/** Record columns as plain data (bodies and ids as the bytes themselves), so they cross between threads. */
type ColumnsData = Omit<RecordColumns, 'encoded' | 'idBytes'> & { encoded: Uint8Array; idBytes: Uint8Array };

/** Postings parts as plain data: the vocabulary as UTF-8 bytes, its terms one a line (a term has no line break). */
interface PostingsData {
  vocabulary: Uint8Array;
  parts: PostingsPart[];
}

/** Columns made in this thread (in memory), as data to send. */
export function columnsData(columns: RecordColumns): ColumnsData {
  return { ...columns, encoded: columns.encoded.read(0, columns.encoded.length), idBytes: columns.idBytes.read(0, columns.idBytes.length) };
}

/** The columns another thread sent. */
export function columnsOf(data: ColumnsData): RecordColumns {
  return { ...data, encoded: bytesInMemory(data.encoded), idBytes: bytesInMemory(data.idBytes) };
}

/** Postings parts made in this thread, as data to send. */
export function postingsData({ vocabulary, parts }: PostingsPieces): PostingsData {
  return { vocabulary: new TextEncoder().encode(vocabulary.join('\n')), parts: [...parts] };
}

/** The postings parts another thread sent. */
export function postingsOf(data: PostingsData): PostingsPieces {
  const text = new TextDecoder().decode(data.vocabulary);
  return { vocabulary: text === '' ? [] : text.split('\n'), parts: data.parts };
}

/** The buffers the back half owns whole (not a slice of Node's shared pool): moved to the other thread rather than copied. */
export function transferablesOf(half: BackHalf): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const parts = half.postings.parts.flatMap(({ terms, fieldLengths, lengthTotals, postings }) => [
    terms,
    fieldLengths,
    lengthTotals,
    ...Object.values(postings),
  ]);
  const { starts, digests, numbers, unnumberedAt } = half.manifest;
  for (const value of [...Object.values(half.columns), starts, digests, numbers, unnumberedAt, half.postings.vocabulary, ...parts])
    if (
      ArrayBuffer.isView(value) &&
      value.buffer instanceof ArrayBuffer &&
      value.byteOffset === 0 &&
      value.byteLength === value.buffer.byteLength
    )
      buffers.add(value.buffer);
  return [...buffers];
}
