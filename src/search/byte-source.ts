/**
 * Bytes read a range at a time: in memory (an index built in this process), or from a snapshot file
 * (see knowledge/snapshot-file.ts) for the parts a start leaves on disk, the record bodies and ids.
 * The search core reads them through this and never knows which.
 */
export interface ByteSource {
  readonly length: number;
  /**
   * Bytes start … end - 1. The array may be a scratch buffer that the next read of any source
   * overwrites: decode or compare it before reading again.
   */
  read(start: number, end: number): Uint8Array;
}

/** Bytes that are all in memory: a read is a view, no copy. */
export function bytesInMemory(bytes: Uint8Array): ByteSource {
  return { length: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}
