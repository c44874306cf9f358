import { loadCorpus, type CorpusFile } from '../corpus/load-corpus.ts';
import { createSearchIndex } from '../search/search-index.ts';
import { encodeSnapshot } from '../search/index-snapshot.ts';
import type { BuildProgress, BuildTimings } from './build-messages.ts';
import { manifestCollector, type FileEntry } from './corpus-manifest.ts';

const FILES_PER_PROGRESS = 1_000;

/** Parses the corpus folders and builds the index as snapshot bytes, with what each file gave: the same steps in a build process or in place. */
export async function buildSnapshot(
  dirs: readonly string[],
  files: readonly CorpusFile[],
  fingerprint: string,
  onProgress: (progress: BuildProgress) => void = () => {},
  /** What each file gave, once all are read (before indexing). */
  onParsed: (files: FileEntry[]) => void = () => {},
): Promise<{ snapshot: Buffer; files: FileEntry[]; timings: BuildTimings }> {
  const started = performance.now();
  let lastReport = 0;
  const manifest = manifestCollector();
  const corpus = await loadCorpus(dirs, {
    files,
    onFile: manifest.onFile,
    onProgress: ({ filesRead, filesTotal, records }) => {
      if (filesRead - lastReport < FILES_PER_PROGRESS && filesRead !== filesTotal) return;
      lastReport = filesRead;
      onProgress({ step: 'reading', done: filesRead, total: filesTotal, records });
    },
  });
  const parsed = performance.now();
  onParsed(manifest.entries);
  onProgress({ step: 'indexing', done: 0, total: corpus.records.length, records: corpus.records.length });
  const index = createSearchIndex(corpus.records, corpus.synonyms);
  const built = performance.now();
  const snapshot = encodeSnapshot(index, { fingerprint, files: corpus.files, problems: corpus.problems });
  return {
    snapshot,
    files: manifest.entries,
    timings: { parseMs: parsed - started, buildMs: built - parsed, encodeMs: performance.now() - built },
  };
}
