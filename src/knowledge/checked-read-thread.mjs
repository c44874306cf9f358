// Reads a run of a file and takes its CRC on a thread of its own (read-off-thread.ts), then hands the bytes
// over without a copy. Plain JavaScript with only Node's modules: from source and from dist/ alike, it
// starts without a TypeScript loader.
//
// Why a thread: the first touch of each fresh page is what costs (a sandboxed kernel, as on this project's
// machine, pays it again after the read has filled the page). Taken here, it is taken beside the bot's own
// start-up work (imports, the term tree) instead of on its thread after it.
import { readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { crc32 } from 'node:zlib';

/** @type {{ fd: number, position: number, length: number, crcFrom: number, sliceBytes: number }} */
const { fd, position, length, crcFrom, sliceBytes } = workerData;
const bytes = new Uint8Array(length);
let crc = 0;
let done = 0;
while (done < length) {
  const got = readSync(fd, bytes, done, Math.min(sliceBytes, length - done), position + done);
  if (got === 0) break;
  const from = Math.max(done, crcFrom);
  if (from < done + got) crc = crc32(bytes.subarray(from, done + got), crc);
  done += got;
}
parentPort.postMessage({ bytes, done, crc }, [bytes.buffer]);
