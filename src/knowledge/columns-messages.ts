import type { CorpusFile } from '../corpus/load-corpus.ts';
import { bytesInMemory } from '../search/byte-source.ts';
import type { PostingsPart, PostingsPieces } from '../search/build-postings.ts';
import type { RecordColumns } from '../search/record-columns.ts';
import type { CorpusManifest } from './corpus-manifest.ts';

/** A file's bytes as read, or the code of why they could not be read. */
export type FileBytes = Uint8Array | { error: string };

/** To the columns thread: the corpus files' bytes in path order, a batch at a time, then the end. */
export type ColumnsRequest = { type: 'files'; files: CorpusFile[]; contents: FileBytes[] } | { type: 'end' };

/** Record columns as plain data (bodies and ids as the bytes themselves), so they cross between threads. */
type ColumnsData = Omit<RecordColumns, 'encoded' | 'idBytes'> & { encoded: Uint8Array; idBytes: Uint8Array };

/** Postings parts as plain data: the vocabulary as UTF-8 bytes, its terms one a line (a term has no line break). */
interface PostingsData {
  vocabulary: Uint8Array;
  parts: PostingsPart[];
}

export interface ColumnsReply {
  columns: ColumnsData;
  manifest: CorpusManifest;
  /** The postings of the runs of records this thread took (RecordRuns). */
  postings: PostingsData;
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

/** The buffers a reply owns whole (not a slice of Node's shared pool): moved to the other thread rather than copied. */
export function transferablesOf(reply: ColumnsReply): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const parts = reply.postings.parts.flatMap(({ terms, fieldLengths, lengthTotals, postings }) => [
    terms,
    fieldLengths,
    lengthTotals,
    ...Object.values(postings),
  ]);
  for (const value of [...Object.values(reply.columns), ...Object.values(reply.manifest), reply.postings.vocabulary, ...parts])
    if (
      ArrayBuffer.isView(value) &&
      value.buffer instanceof ArrayBuffer &&
      value.byteOffset === 0 &&
      value.byteLength === value.buffer.byteLength
    )
      buffers.add(value.buffer);
  return [...buffers];
}
