import type { CorpusFile, FileText } from '../corpus/load-corpus.ts';
import type { RecordColumns } from '../search/record-columns.ts';
import type { FileEntry } from './corpus-manifest.ts';

/** A file's bytes as read, or the code of why they could not be read. */
export type FileBytes = Uint8Array | { error: string };

/** To the columns thread: the corpus files' bytes in path order, a batch at a time, then the end. */
export type ColumnsRequest = { type: 'files'; files: CorpusFile[]; contents: FileBytes[] } | { type: 'end' };

export interface ColumnsReply {
  columns: RecordColumns;
  entries: FileEntry[];
}

/** The text readFileSync(path, 'utf8') gives for these bytes (a BOM kept, bad bytes replaced), so both threads parse the same. */
export function textOf(bytes: FileBytes): FileText {
  return bytes instanceof Uint8Array ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : bytes;
}

/** The buffers the columns own whole (not a slice of Node's shared pool): moved to the other thread rather than copied. */
export function transferablesOf(columns: RecordColumns): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(columns))
    if (
      ArrayBuffer.isView(value) &&
      value.buffer instanceof ArrayBuffer &&
      value.byteOffset === 0 &&
      value.byteLength === value.buffer.byteLength
    )
      buffers.add(value.buffer);
  return [...buffers];
}
