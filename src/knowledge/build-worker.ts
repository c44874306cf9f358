import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from '../corpus/load-corpus.ts';
import { createSearchIndex } from '../search/search-index.ts';
import { encodeSnapshot } from '../search/index-snapshot.ts';
import type { BuildReply, BuildRequest } from './build-messages.ts';

/** Parses the corpus and builds the index off the main thread, answering with the snapshot bytes. */
const request = workerData as BuildRequest;
const post = (reply: BuildReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);

try {
  const started = performance.now();
  let lastReport = 0;
  const corpus = await loadCorpus(request.dirs, {
    onProgress: ({ filesRead, filesTotal, records }) => {
      if (filesRead - lastReport >= 1_000 || filesRead === filesTotal) {
        lastReport = filesRead;
        post({ type: 'progress', step: 'reading', done: filesRead, total: filesTotal, records });
      }
    },
  });
  const parsed = performance.now();
  post({ type: 'progress', step: 'indexing', done: 0, total: corpus.records.length, records: corpus.records.length });
  const index = createSearchIndex(corpus.records);
  const built = performance.now();
  const snapshot = encodeSnapshot(index, { fingerprint: request.fingerprint, files: corpus.files, problems: corpus.problems });
  const bytes = snapshot.buffer.slice(snapshot.byteOffset, snapshot.byteOffset + snapshot.byteLength) as ArrayBuffer;
  post({ type: 'done', snapshot: bytes, timings: { parseMs: parsed - started, buildMs: built - parsed, encodeMs: performance.now() - built } }, [bytes]);
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
