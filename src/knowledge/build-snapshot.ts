import { loadCorpus, type CorpusFile } from '../corpus/load-corpus.ts';
import { createSearchIndex } from '../search/search-index.ts';
import { encodeSnapshot } from '../search/index-snapshot.ts';
import type { BuildProgress, BuildTimings } from './build-messages.ts';
import { manifestCollector, type CorpusManifest } from './corpus-manifest.ts';

const FILES_PER_PROGRESS = 1_000;

/**
 * Parses the corpus folders and builds the index as snapshot bytes, with what each file gave it (by
 * record number: see CorpusManifest): the same steps in a build process or in place.
 */
export async function buildSnapshot(
  dirs: readonly string[],
  files: readonly CorpusFile[],
  fingerprint: string,
  onProgress: (progress: BuildProgress) => void = () => {},
): Promise<{ snapshot: Buffer; manifest: CorpusManifest; timings: BuildTimings }> {
  const started = performance.now();
  let lastReport = 0;
  const collector = manifestCollector();
  const corpus = await loadCorpus(dirs, {
    files,
    onFile: collector.onFile,
    onProgress: ({ filesRead, filesTotal, records }) => {
      if (filesRead - lastReport < FILES_PER_PROGRESS && filesRead !== filesTotal) return;
      lastReport = filesRead;
      onProgress({ step: 'reading', done: filesRead, total: filesTotal, records });
    },
  });
  const parsed = performance.now();
  onProgress({ step: 'indexing', done: 0, total: corpus.records.length, records: corpus.records.length });
  const index = createSearchIndex(corpus.records, corpus.synonyms);
  const built = performance.now();
  const manifest = collector.manifest(fingerprint, (id) => index.tables.numberOf(id));
  const snapshot = encodeSnapshot(index, { fingerprint, files: corpus.files, problems: corpus.problems });
  return {
    snapshot,
    manifest,
    timings: { parseMs: parsed - started, buildMs: built - parsed, encodeMs: performance.now() - built },
  };
}
