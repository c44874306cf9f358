import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOffThread } from '../../src/knowledge/read-off-thread.ts';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kaesong-read-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A file of `length` bytes, byte i being i * 7 mod 251 (no run repeats within a slice). */
async function fileOf(length: number): Promise<{ path: string; bytes: Buffer }> {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) bytes[i] = (i * 7) % 251;
  const path = join(work, 'file');
  await writeFile(path, bytes);
  return { path, bytes };
}

async function readRun(path: string, run: { position: number; length: number; crcFrom: number }) {
  const file = await open(path, 'r');
  try {
    return await readOffThread(file.fd, run);
  } finally {
    await file.close();
  }
}

describe('a run of a file read on a thread of its own', () => {
  it('gives the bytes from the position and the CRC of those from crcFrom on, across read slices (16 MB)', async () => {
    const { path, bytes } = await fileOf(17 * 1024 * 1024 + 5);
    const read = await readRun(path, { position: 3, length: bytes.length - 3, crcFrom: 18 });
    expect(read.bytes.equals(bytes.subarray(3))).toBe(true);
    expect(read.crc).toBe(crc32(bytes.subarray(21)));
  });

  it('gives what there is of a file cut short, its CRC over that', async () => {
    const { path, bytes } = await fileOf(1000);
    const read = await readRun(path, { position: 100, length: 5000, crcFrom: 0 });
    expect(read.bytes.length).toBe(900);
    expect(read.crc).toBe(crc32(bytes.subarray(100)));
  });
});
