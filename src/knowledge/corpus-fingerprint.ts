import { createHash } from 'node:crypto';
import type { CorpusFile } from '../corpus/load-corpus.ts';
import { SNAPSHOT_FORMAT } from '../search/index-snapshot.ts';

/** Changes whenever a corpus file is added, removed, resized or touched, or the snapshot format changes. */
export function corpusFingerprint(dirs: readonly string[], files: readonly CorpusFile[]): string {
  const hash = createHash('sha256');
  hash.update(`format ${SNAPSHOT_FORMAT}\n${dirs.join('\n')}\n`);
  for (const file of files) hash.update(`${file.path}\t${file.size}\t${file.mtimeMs}\n`);
  return hash.digest('hex');
}

/** One snapshot file per set of corpus folders, so two bots with different corpora can share a cache. */
export function snapshotName(dirs: readonly string[]): string {
  return `index-${createHash('sha256').update(dirs.join('\n')).digest('hex').slice(0, 12)}.snapshot`;
}
