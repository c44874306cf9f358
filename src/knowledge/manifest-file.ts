import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32 } from 'node:zlib';
import type { CorpusProblem } from '../model/record.ts';
import type { CorpusManifest, FileFacts } from './corpus-manifest.ts';
import { OFF_THREAD_FROM_BYTES, readOffThread } from './read-off-thread.ts';

// The manifest on disk: a JSON header (the file table, small) and three typed arrays (what each file
// gives, as record numbers and digests), mapped as they are when read. At 9x WCEP (1.02M records) it
// is 13 MB, where the JSON of ids and hex digests it replaces was 158 MB and 302 MB of heap once parsed.
//
//   MAGIC · crc32 of the rest (u32) · header length (u32) · header JSON · padding to 8
//   starts (u32 × files + 1) · numbers (u32 × entries) · padding to 8 · digests (f64 × entries)
//
// The file table is in columns (paths NUL-separated, sizes, times, flags, and problems only for the files
// that have some): 8,800 files as objects took 20-50 ms to parse on the bot's thread, as columns a few.

const MAGIC = Buffer.from('KAESONG-MANIFEST\n', 'latin1');
const FORMAT = 2;
const ALIGN = 8;
/** ~2-3 ms of crc32 each, but up to ~40 ms on memory touched for the first time (a file just read). */
const CRC_BYTES_PER_STEP = 4 * 1024 * 1024;
const SYNONYMS = 1;
const RACY = 2;
/** Between paths: no file name has it. */
const SEPARATOR = '\u0000';

interface Header {
  format: number;
  fingerprint: string;
  entries: number;
  files: FileTable;
}

interface FileTable {
  paths: string;
  sizes: number[];
  mtimes: number[];
  flags: number[];
  /** [file number, its problems], for the files that have any. */
  problems: [number, CorpusProblem[]][];
}

function fileTable(files: readonly FileFacts[]): FileTable {
  return {
    paths: files.map((file) => file.path).join(SEPARATOR),
    sizes: files.map((file) => file.size),
    mtimes: files.map((file) => file.mtimeMs),
    flags: files.map((file) => (file.synonyms ? SYNONYMS : 0) | (file.racy ? RACY : 0)),
    problems: files.flatMap((file, i): [number, CorpusProblem[]][] => (file.problems.length > 0 ? [[i, file.problems]] : [])),
  };
}

/** Null when the columns disagree. */
function filesOf(table: FileTable): FileFacts[] | null {
  const paths = table.paths === '' ? [] : table.paths.split(SEPARATOR);
  const { sizes, mtimes, flags } = table;
  if (sizes.length !== paths.length || mtimes.length !== paths.length || flags.length !== paths.length) return null;
  const files = paths.map((path, i) => ({
    path,
    size: sizes[i]!,
    mtimeMs: mtimes[i]!,
    synonyms: (flags[i]! & SYNONYMS) !== 0,
    racy: (flags[i]! & RACY) !== 0,
    problems: [] as CorpusProblem[],
  }));
  for (const [i, problems] of table.problems) {
    if (files[i] === undefined) return null;
    files[i].problems = problems;
  }
  return files;
}

export function manifestPath(snapshotPath: string): string {
  return `${snapshotPath}.manifest`;
}

/** Where manifests were kept as JSON (up to 158 MB at 9x): removed when a new one is saved. */
function legacyManifestPath(snapshotPath: string): string {
  return `${snapshotPath}.manifest.json`;
}

export function encodeManifest(manifest: CorpusManifest): Buffer {
  const { fingerprint, files, starts, numbers, digests } = manifest;
  const header: Header = { format: FORMAT, fingerprint, entries: numbers.length, files: fileTable(files) };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const headerStart = MAGIC.length + 8;
  const startsAt = aligned(headerStart + headerBytes.length);
  const numbersAt = startsAt + starts.byteLength;
  const digestsAt = aligned(numbersAt + numbers.byteLength);
  const bytes = Buffer.alloc(digestsAt + digests.byteLength);
  MAGIC.copy(bytes);
  bytes.writeUInt32LE(headerBytes.length, MAGIC.length + 4);
  headerBytes.copy(bytes, headerStart);
  bytes.set(asBytes(starts), startsAt);
  bytes.set(asBytes(numbers), numbersAt);
  bytes.set(asBytes(digests), digestsAt);
  bytes.writeUInt32LE(crc32(bytes.subarray(MAGIC.length + 4)), MAGIC.length);
  return bytes;
}

/** Written beside, then renamed over, after its snapshot: a manifest never names a snapshot that is not on disk. */
export async function writeManifest(path: string, manifest: CorpusManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, encodeManifest(manifest));
  await rename(temporary, path);
}

/** The manifest at `path`; null when there is none or it is damaged (any byte changed, cut short, another format). */
export async function readManifest(path: string): Promise<CorpusManifest | null> {
  try {
    const read = await readChecked(path);
    return await decodeManifest(read.bytes, read.crc);
  } catch {
    return null;
  }
}

/** The file and the CRC of what follows its CRC, both taken on a thread of their own when large (13 MB at 9x). */
async function readChecked(path: string): Promise<{ bytes: Buffer; crc?: number }> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size < OFF_THREAD_FROM_BYTES) return { bytes: await file.readFile() };
    return await readOffThread(file.fd, { position: 0, length: size, crcFrom: MAGIC.length + 4 });
  } catch {
    return { bytes: await readFile(path) };
  } finally {
    await file.close();
  }
}

export function removeLegacyManifest(snapshotPath: string): Promise<void> {
  return rm(legacyManifestPath(snapshotPath), { force: true });
}

/**
 * Checked in slices with the event loop let in between (read while the bot answers: a compaction's swap),
 * unless the reader took the CRC of the bytes after the CRC already.
 */
async function decodeManifest(bytes: Buffer, crcTaken?: number): Promise<CorpusManifest | null> {
  if (bytes.length < MAGIC.length + 8 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  let crc = crcTaken ?? 0;
  for (let start = MAGIC.length + 4; crcTaken === undefined && start < bytes.length; start += CRC_BYTES_PER_STEP) {
    crc = crc32(bytes.subarray(start, Math.min(bytes.length, start + CRC_BYTES_PER_STEP)), crc);
    await nextTurn();
  }
  if (crc !== bytes.readUInt32LE(MAGIC.length)) return null;
  const headerStart = MAGIC.length + 8;
  const headerEnd = headerStart + bytes.readUInt32LE(MAGIC.length + 4);
  if (headerEnd > bytes.length) return null;
  const header = JSON.parse(bytes.toString('utf8', headerStart, headerEnd)) as Header;
  if (header.format !== FORMAT || typeof header.fingerprint !== 'string') return null;
  const files = filesOf(header.files);
  if (files === null) return null;
  const startsAt = aligned(headerEnd);
  const numbersAt = startsAt + (files.length + 1) * 4;
  const digestsAt = aligned(numbersAt + header.entries * 4);
  if (digestsAt + header.entries * 8 !== bytes.length) return null;
  const starts = view(Uint32Array, bytes, startsAt, files.length + 1);
  if (starts[0] !== 0 || starts[files.length] !== header.entries) return null;
  for (let i = 0; i < files.length; i += 1) if (starts[i]! > starts[i + 1]!) return null;
  return {
    fingerprint: header.fingerprint,
    files,
    starts,
    numbers: view(Uint32Array, bytes, numbersAt, header.entries),
    digests: view(Float64Array, bytes, digestsAt, header.entries),
  };
}

function asBytes(array: Uint32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

type ArrayType<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

/** A typed array over the file's own bytes, copied only when they are not aligned for it (a pooled buffer). */
function view<T>(Type: ArrayType<T>, bytes: Buffer, at: number, length: number): T {
  const start = bytes.byteOffset + at;
  if (start % Type.BYTES_PER_ELEMENT === 0) return new Type(bytes.buffer, start, length);
  const copy = Uint8Array.from(bytes.subarray(at, at + length * Type.BYTES_PER_ELEMENT));
  return new Type(copy.buffer, 0, length);
}

function aligned(offset: number): number {
  return Math.ceil(offset / ALIGN) * ALIGN;
}
