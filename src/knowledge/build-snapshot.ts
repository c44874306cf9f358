import { entryUrl } from './entry-url.ts';
import { Worker } from 'node:worker_threads';
import { loadCorpus, readBytes, type CorpusFile, type FileContent } from '../corpus/load-corpus.ts';
import { joinPostings, PostingsBuilder } from '../search/build-postings.ts';
import type { CorpusRecord } from '../model/record.ts';
import { createSearchIndex, createSearchIndexWith } from '../search/search-index.ts';
import { encodeSnapshot } from '../search/index-snapshot.ts';
import type { BuildProgress, BuildTimings } from './build-messages.ts';
import { columnsOf, postingsOf, type ColumnsReply, type ColumnsRequest, type FileBytes } from './columns-messages.ts';
import { manifestCollector, type CorpusManifest } from './corpus-manifest.ts';
import { RecordRuns, sharedRunsBuffer } from './record-runs.ts';

const FILES_PER_PROGRESS = 1_000;
/** Bytes of corpus per message to the columns thread: it starts parsing while this thread still reads. */
const BYTES_PER_BATCH = 4 * 1024 * 1024;

/**
 * Parses the corpus folders and builds the index as snapshot bytes, with what each file gave it (by
 * record number: see CorpusManifest): the same steps in a build process or in place.
 * With `threads: 2` a second thread parses the same bytes and makes the record columns and the manifest
 * while this one makes the postings (the snapshot and manifest are byte for byte the same).
 */
export async function buildSnapshot(
  dirs: readonly string[],
  files: readonly CorpusFile[],
  fingerprint: string,
  onProgress: (progress: BuildProgress) => void = () => {},
  threads: 1 | 2 = 1,
  /** The columns thread's code (tests give one that fails). */
  columnsThreadCode: URL = columnsThreadUrl(),
): Promise<BuiltSnapshot> {
  try {
    return await buildIn(threads, dirs, files, fingerprint, onProgress, columnsThreadCode);
  } catch (error) {
    // The second thread is a speed-up, not a requirement: without it (out of memory, say) the build is done again in one.
    if (!(error instanceof ColumnsThreadFailed)) throw error;
    return buildIn(1, dirs, files, fingerprint, onProgress, columnsThreadCode);
  }
}

interface BuiltSnapshot {
  snapshot: Buffer;
  manifest: CorpusManifest;
  timings: BuildTimings;
}

class ColumnsThreadFailed extends Error {}

async function buildIn(
  threads: 1 | 2,
  dirs: readonly string[],
  files: readonly CorpusFile[],
  fingerprint: string,
  onProgress: (progress: BuildProgress) => void,
  columnsThreadCode: URL,
): Promise<BuiltSnapshot> {
  const started = performance.now();
  let lastReport = 0;
  const collector = manifestCollector();
  const helper = threads === 2 ? columnsThread(columnsThreadCode, files, fingerprint) : null;
  try {
    const corpus = await loadCorpus(dirs, {
      files,
      ...(helper === null ? { onFile: collector.onFile } : { read: helper.read }),
      onProgress: ({ filesRead, filesTotal, records }) => {
        if (filesRead - lastReport < FILES_PER_PROGRESS && filesRead !== filesTotal) return;
        lastReport = filesRead;
        onProgress({ step: 'reading', done: filesRead, total: filesTotal, records });
      },
    });
    const parsed = performance.now();
    onProgress({ step: 'indexing', done: 0, total: corpus.records.length, records: corpus.records.length });
    const index =
      helper === null
        ? createSearchIndex(corpus.records, corpus.synonyms)
        : await createSearchIndexWith(corpus.records, corpus.synonyms, {
            columns: helper.reply.then((reply) => columnsOf(reply.columns)),
            postings: async (sorted: readonly CorpusRecord[]) => {
              // The runs from the front here, those from the back in the columns thread, until they meet.
              const runs = new RecordRuns(helper.runs, sorted.length);
              const ours = new PostingsBuilder();
              for (let run = runs.takeFront(); run !== null; run = runs.takeFront()) ours.add(sorted, run.start, run.end);
              const theirs = postingsOf((await helper.reply).postings);
              return joinPostings([ours.pieces(), theirs], sorted.length);
            },
          });
    const built = performance.now();
    // The second thread numbered the ids with the same columns; one thread numbers them with the index's.
    const manifest = helper === null ? collector.manifest(fingerprint, (id) => index.tables.numberOf(id)) : (await helper.reply).manifest;
    const snapshot = encodeSnapshot(index, { fingerprint, files: corpus.files, problems: corpus.problems });
    return {
      snapshot,
      manifest,
      timings: { parseMs: parsed - started, buildMs: built - parsed, encodeMs: performance.now() - built },
    };
  } finally {
    helper?.stop();
  }
}

/**
 * Starts the columns thread, which gets every file's bytes in batches as this thread reads them; this thread
 * parses the same bytes (`read`, the i-th file's text, each asked for once, in order) so both see the files
 * as they were at one read.
 */
function columnsThread(
  code: URL,
  files: readonly CorpusFile[],
  fingerprint: string,
): {
  read: (file: CorpusFile, i: number) => FileContent;
  reply: Promise<ColumnsReply>;
  runs: SharedArrayBuffer;
  stop: () => void;
} {
  const runs = sharedRunsBuffer();
  const worker = new Worker(code, { execArgv: [], workerData: { fingerprint, runs } });
  const reply = new Promise<ColumnsReply>((resolve, reject) => {
    worker.once('message', (message: ColumnsReply) => resolve(message));
    worker.once('error', (error) => reject(new ColumnsThreadFailed(`the columns thread failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => reject(new ColumnsThreadFailed(`the columns thread stopped (exit code ${code}) before it replied`)));
  });
  // Not a failed build's second error: the first one is what the caller reports.
  reply.catch(() => {});
  // A batch at a time as this thread comes to it, not all first: at 9x that held 620 MB of bytes here while
  // the parse began (and the two-thread build's parse step took 130-167 s against 77 s in one thread, loaded).
  const contents: (FileBytes | null)[] = [];
  const send = (request: ColumnsRequest) => worker.postMessage(request);
  let unread = 0;
  const readBatch = () => {
    const start = unread;
    let batchBytes = 0;
    while (unread < files.length && (unread === start || batchBytes < BYTES_PER_BATCH)) {
      const bytes = readBytes(files[unread]!.path);
      contents.push(bytes);
      batchBytes += bytes instanceof Uint8Array ? bytes.byteLength : 0;
      unread += 1;
    }
    send({ type: 'files', files: files.slice(start, unread), contents: contents.slice(start, unread) as FileBytes[] });
    if (unread === files.length) send({ type: 'end' });
  };
  if (files.length === 0) send({ type: 'end' });
  const read = (_file: CorpusFile, i: number) => {
    while (i >= unread) readBatch();
    const bytes = contents[i]!;
    contents[i] = null;
    return bytes;
  };
  return { read, reply, runs, stop: () => void worker.terminate() };
}

function columnsThreadUrl(): URL {
  return entryUrl(import.meta.url, 'columns-thread-boot.mjs', 'columns-thread.mjs');
}
