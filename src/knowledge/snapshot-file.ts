import { close, closeSync, fstat, open, read, readSync, stat, unlink } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import type { ByteSource } from '../search/byte-source.ts';
import { OFF_THREAD_FROM_BYTES, readOffThread } from './read-off-thread.ts';
import {
  earlyTermTree,
  SNAPSHOT_PREFIX_BYTES,
  snapshotHeaderEnd,
  snapshotLayout,
  termsSection,
  type EarlyTerms,
  type SnapshotParts,
} from '../search/index-snapshot.ts';

const openFile = promisify(open);
const readFile = promisify(read);
const statOf = promisify(fstat);
const closeFile = promisify(close);
/** Enough for the header of any snapshot seen so far (a few KB): one read for it. */
const HEAD_BYTES = 64 * 1024;
/**
 * A cold section read where its last read ended (records in column order: a day's events, "on this
 * day" across years) reads ahead this much: one read per ~60 bodies. Elsewhere (a hit, a related
 * candidate) it reads just the record: copying 16 KB for each made 9x slash commands ~3 ms slower.
 */
const BLOCK_BYTES = 16 * 1024;
/** Slices of the cold part's background check: ~1 ms of CRC each on this thread (more under load), reads off it. */
const CHECK_SLICE_BYTES = 1024 * 1024;
/**
 * Slices the hot part is read in, each checked while the next is read: at 9x, reading 192 MB took
 * ~0.7 s off this thread and its CRC ~0.4 s on it, one after the other.
 */
const HOT_SLICE_BYTES = 16 * 1024 * 1024;

/** An open file's descriptor is closed when its SnapshotFile is collected without having been closed. */
const unclosed = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {}
});

/**
 * A snapshot file held open for the index read from it: its hot part is in memory, and its cold
 * sections (record bodies and ids) are read from here, by position, when a record is shown or
 * compared. Renamed over or deleted while open, it stays readable (the descriptor holds the file).
 */
export class SnapshotFile {
  private fd: number | null;
  /** Background reads in flight: the descriptor is closed once they are done, never under them. */
  private reading = 0;
  private closing = false;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
    unclosed.register(this, fd, this);
  }

  /** Opens the snapshot and reads its header and hot part; SnapshotRejected when it is not a readable snapshot. */
  static async open(path: string): Promise<{ file: SnapshotFile; parts: SnapshotParts }> {
    const file = new SnapshotFile(path, await openFile(path, 'r'));
    try {
      const { size } = await statOf(file.fd!);
      let head = await file.readAsync(0, Math.min(size, HEAD_BYTES));
      const headerEnd = snapshotHeaderEnd(head.subarray(0, SNAPSHOT_PREFIX_BYTES));
      if (headerEnd > head.length && headerEnd <= size) head = await file.readAsync(0, headerEnd);
      const layout = snapshotLayout(head, size);
      const reading = file.readHot(layout.hotStart, layout.header.hot.length);
      // Settled below; meanwhile (~0.5-1 s at 9x) the term tree is made from the terms read apart.
      reading.catch(() => {});
      const early = await file.earlyTerms(termsSection(layout));
      const { hot, hotCrc } = await reading;
      return { file, parts: { layout, hot, hotCrc, early, cold: (position, length) => file.section(position, length) } };
    } catch (error) {
      file.close();
      throw error;
    }
  }

  /**
   * The bytes of one cold section, read when asked for, with a block read ahead (see ByteSource: a
   * read may overwrite what the last one returned). The file never changes under it: a snapshot is
   * only ever replaced by a rename.
   */
  private section(position: number, length: number): ByteSource {
    let block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
    let blockStart = 0;
    let blockEnd = 0;
    let lastEnd = -1;
    return {
      length,
      read: (start, end) => {
        const inOrder = start === lastEnd;
        lastEnd = end;
        if (start < blockStart || end > blockEnd) {
          const readEnd = inOrder ? Math.min(length, Math.max(end, start + BLOCK_BYTES)) : end;
          if (readEnd - start > block.length) block = Buffer.allocUnsafeSlow(readEnd - start);
          this.readInto(block, position + start, readEnd - start);
          blockStart = start;
          blockEnd = readEnd;
        }
        return block.subarray(start - blockStart, end - blockStart);
      },
    };
  }

  private readInto(into: Buffer, position: number, length: number): void {
    if (this.fd === null || this.closing) throw new Error(`index snapshot ${this.path} is closed: an index read after it was replaced`);
    for (let done = 0; done < length; ) {
      const got = readSync(this.fd, into, done, length - done, position + done);
      if (got === 0) throw new Error(`index snapshot ${this.path} is cut short at ${position + done}`);
      done += got;
    }
  }

  /** The terms section and their tree, in steps with the event loop let run between (see EarlyTerms). */
  private async earlyTerms({ position, length }: { position: number; length: number }): Promise<EarlyTerms> {
    const steps = earlyTermTree(await this.readAsync(position, length));
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
      await nextTurn();
    }
  }

  /** The hot part and its CRC, read and checked on a thread of its own (read-off-thread.ts); here when small or if no thread starts. */
  private async readHot(position: number, length: number): Promise<{ hot: Buffer; hotCrc: number }> {
    if (this.fd === null) throw new Error(`index snapshot ${this.path} is closed`);
    if (length < OFF_THREAD_FROM_BYTES) return await this.readChecked(position, length);
    this.reading += 1;
    try {
      const { bytes, crc } = await readOffThread(this.fd, { position, length, crcFrom: 0 });
      return { hot: bytes, hotCrc: crc };
    } catch {
      return await this.readChecked(position, length);
    } finally {
      this.reading -= 1;
      if (this.closing && this.reading === 0) this.close();
    }
  }

  /** length bytes from position and their CRC, taken slice by slice while the next slice is read. */
  private async readChecked(position: number, length: number): Promise<{ hot: Buffer; hotCrc: number }> {
    const bytes = Buffer.allocUnsafeSlow(length);
    const sliceAt = (start: number) =>
      this.readAsync(position + start, Math.min(HOT_SLICE_BYTES, length - start), bytes.subarray(start, start + HOT_SLICE_BYTES));
    let crc = 0;
    let done = 0;
    let next = length > 0 ? sliceAt(0) : null;
    while (next !== null) {
      const slice = await next;
      const wanted = Math.min(HOT_SLICE_BYTES, length - done);
      done += slice.length;
      next = slice.length === wanted && done < length ? sliceAt(done) : null;
      if (slice.length > 0) crc = crc32(slice, crc);
    }
    // Cut short, it is rejected by its length before its CRC is compared.
    return { hot: bytes.subarray(0, done), hotCrc: crc };
  }

  /** length bytes from position into a buffer of their own, read off this thread. */
  private async readAsync(position: number, length: number, into = Buffer.allocUnsafeSlow(length)): Promise<Buffer> {
    this.reading += 1;
    try {
      let done = 0;
      while (done < length) {
        if (this.fd === null) throw new Error(`index snapshot ${this.path} is closed`);
        const { bytesRead } = await readFile(this.fd, into, done, length - done, position + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return into.subarray(0, done);
    } finally {
      this.reading -= 1;
      if (this.closing && this.reading === 0) this.close();
    }
  }

  /**
   * Whether the cold part's bytes still have their CRC, read in slices with the event loop let run in
   * between. A damaged file is logged by the caller and rebuilt; 'closed' when the index was replaced first.
   */
  async checkCold({ position, length, crc }: { position: number; length: number; crc: number }): Promise<'intact' | 'damaged' | 'closed'> {
    const slice = Buffer.allocUnsafeSlow(Math.min(CHECK_SLICE_BYTES, Math.max(length, 1)));
    let sum = 0;
    for (let start = 0; start < length; start += slice.length) {
      if (this.fd === null || this.closing) return 'closed';
      const bytes = await this.readAsync(position + start, Math.min(slice.length, length - start), slice);
      if (bytes.length < slice.length && start + bytes.length < length) return 'damaged';
      sum = crc32(bytes, sum);
    }
    return sum === crc ? 'intact' : 'damaged';
  }

  /** Removes the file from its folder if it is still the one at its path (a newer snapshot may have been renamed over it). */
  async remove(): Promise<void> {
    if (this.fd === null) return;
    const [held, there] = await Promise.all([statOf(this.fd), promisify(stat)(this.path).catch(() => null)]);
    if (there !== null && there.ino === held.ino && there.dev === held.dev) await promisify(unlink)(this.path);
  }

  /** Closes the descriptor (once background reads are done): an index still reading from it afterwards throws. */
  close(): void {
    this.closing = true;
    if (this.reading > 0 || this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    unclosed.unregister(this);
    void closeFile(fd).catch(() => {});
  }
}
