import { entryUrl } from './entry-url.ts';
import { Worker } from 'node:worker_threads';

/**
 * Below this, a thread's start (~20-40 ms, more under load) costs more than it saves: the reads of small
 * snapshots (tests, a small corpus; a 1x manifest is ~1.4 MB) stay on the caller's thread.
 */
export const OFF_THREAD_FROM_BYTES = 8 * 1024 * 1024;

export interface CheckedRead {
  bytes: Buffer;
  /** The CRC of bytes from crcFrom on. */
  crc: number;
}

/**
 * length bytes of an open file from position (fewer when it is cut short) and their CRC from byte crcFrom,
 * read and checked on a thread of its own (checked-read-thread.mjs). Rejects when no thread could start.
 */
export function readOffThread(fd: number, run: { position: number; length: number; crcFrom: number }): Promise<CheckedRead> {
  return new Promise((resolve, reject) => {
    // No inherited flags (a test runner's loader): the thread is plain JavaScript.
    const thread = new Worker(threadUrl(), { workerData: { fd, ...run, sliceBytes: SLICE_BYTES }, execArgv: [] });
    thread.once('message', ({ bytes, done, crc }: { bytes: Uint8Array; done: number; crc: number }) => {
      resolve({ bytes: Buffer.from(bytes.buffer, bytes.byteOffset, done), crc });
      void thread.terminate();
    });
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`read thread exited with code ${code}`)));
  });
}

const SLICE_BYTES = 16 * 1024 * 1024;

/** Plain JavaScript, the same file from source and in the bundle. */
function threadUrl(): URL {
  return entryUrl(import.meta.url, 'checked-read-thread.mjs', 'checked-read-thread.mjs');
}
