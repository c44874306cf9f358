import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { snapshotLayout } from '../../src/search/index-snapshot.ts';

/** The one snapshot in a cache folder. */
export async function snapshotIn(cache: string): Promise<string> {
  const name = (await readdir(cache)).find((file) => file.endsWith('.snapshot'));
  if (name === undefined) throw new Error(`no snapshot in ${cache}`);
  return join(cache, name);
}

/** Where a snapshot file's hot and cold parts are. */
export async function layoutOf(path: string) {
  const bytes = await readFile(path);
  return snapshotLayout(bytes, bytes.length);
}

/** Damages one byte of a file in place. */
export async function flipByte(path: string, position: number): Promise<void> {
  const bytes = await readFile(path);
  bytes[position]! ^= 0xff;
  await writeFile(path, bytes);
}
