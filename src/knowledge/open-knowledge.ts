import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeError } from '../model/describe-error.ts';
import type { Logger } from '../model/logger.ts';
import type { CorpusProblem } from '../model/record.ts';
import { listCorpusFiles } from '../corpus/load-corpus.ts';
import type { CorpusIndex } from '../search/search-index.ts';
import { decodeSnapshot, SnapshotRejected } from '../search/index-snapshot.ts';
import { buildSnapshot } from './build-snapshot.ts';
import { corpusFingerprint, snapshotName } from './corpus-fingerprint.ts';
import type { BuildReply, BuildRequest, BuildTimings } from './build-messages.ts';
import { manifestPath, readManifest, writeManifest, type CorpusManifest, type FileEntry } from './corpus-manifest.ts';

/** Below this many bytes of corpus, building takes milliseconds: a worker thread would only add its start-up. */
const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;
const PROBLEMS_LOGGED = 20;

export interface KnowledgeOptions {
  /** Where the index snapshot is kept; null: always build. */
  cacheDir: string | null;
  logger: Logger;
  /** Progress of a build, for a terminal or a log. */
  onProgress?: (line: string) => void;
  /**
   * `current` (default): the snapshot only when made from exactly the files there now. `last`: the
   * last snapshot whatever changed since (the caller applies the changes; see the manifest). `none`: build.
   */
  snapshot?: 'current' | 'last' | 'none';
}

export interface Knowledge {
  index: CorpusIndex;
  problems: CorpusProblem[];
  files: number;
  fingerprint: string;
  source: 'snapshot' | 'built';
  /** Milliseconds from the call to a ready index, and its parts when built. */
  readyMs: number;
  timings: BuildTimings | null;
  /** Settles when the new snapshot is on disk (at once when none is written). */
  saved: Promise<void>;
  /** What each file gave the index; with `snapshot: 'last'`, as they were when the snapshot was made. */
  manifest: CorpusManifest;
}

/**
 * The index for the corpus folders: loaded from a snapshot when one was made from exactly these files,
 * otherwise parsed and built (off the main thread for a large corpus) and snapshotted for next time.
 * Corpus problems are logged as warnings; a damaged or stale snapshot is ignored and rebuilt.
 */
export async function openKnowledge(dirs: readonly string[], options: KnowledgeOptions): Promise<Knowledge> {
  const started = performance.now();
  const { logger } = options;
  const path = options.cacheDir === null ? null : join(options.cacheDir, snapshotName(dirs));
  // Read the snapshot while the corpus files are listed; the listing decides whether it is current.
  const wanted = options.snapshot ?? 'current';
  const reading =
    path === null || wanted === 'none' ? null : Promise.all([readFile(path).catch(() => null), readManifest(manifestPath(path))]);
  const files = listCorpusFiles(dirs);
  const [bytes, manifest] = (await reading) ?? [null, null];
  const fingerprint = corpusFingerprint(dirs, files);

  if (path !== null && bytes !== null && manifest !== null && (wanted === 'last' || manifest.fingerprint === fingerprint)) {
    try {
      const { index, meta } = decodeSnapshot(bytes, manifest.fingerprint);
      logProblems(meta.problems, logger);
      const readyMs = performance.now() - started;
      logger.info(`index: ${index.size} records from ${meta.files} files, loaded from snapshot in ${Math.round(readyMs)} ms`);
      return {
        index,
        problems: meta.problems,
        files: meta.files,
        fingerprint: manifest.fingerprint,
        source: 'snapshot',
        readyMs,
        timings: null,
        saved: Promise.resolve(),
        manifest,
      };
    } catch (error) {
      if (!(error instanceof SnapshotRejected)) throw error;
      logger.info(`index snapshot ${path} not used (${error.message}); rebuilding`);
    }
  }

  const corpusBytes = files.reduce((sum, file) => sum + file.size, 0);
  const {
    snapshot,
    files: entries,
    timings,
  } = corpusBytes < WORKER_THRESHOLD_BYTES
    ? await buildSnapshot(dirs, files, fingerprint)
    : await buildInWorker({ dirs: [...dirs], files, fingerprint }, options.onProgress);
  const decodedAt = performance.now();
  const { index, meta } = decodeSnapshot(snapshot, fingerprint);
  logProblems(meta.problems, logger);
  const readyMs = performance.now() - started;
  const steps = [`parse ${Math.round(timings.parseMs)}`, `index ${Math.round(timings.buildMs)}`, `encode ${Math.round(timings.encodeMs)}`];
  steps.push(`load ${Math.round(performance.now() - decodedAt)}`);
  logger.info(`index: ${index.size} records from ${meta.files} files, built in ${Math.round(readyMs)} ms (${steps.join(', ')})`);
  const saved =
    path === null
      ? Promise.resolve()
      : saveSnapshot(path, snapshot, { fingerprint, files: entries }).catch((error: unknown) =>
          logger.warn(`could not save the index snapshot to ${path}:`, describeError(error)),
        );
  const built = { fingerprint, files: entries };
  return { index, problems: meta.problems, files: meta.files, fingerprint, source: 'built', readyMs, timings, saved, manifest: built };
}

function buildInWorker(
  request: BuildRequest,
  onProgress?: (line: string) => void,
): Promise<{ snapshot: Buffer; files: FileEntry[]; timings: BuildTimings }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(buildWorkerUrl(), { workerData: request });
    worker.on('message', (reply: BuildReply) => {
      if (reply.type === 'progress') {
        const reading = `reading corpus: ${reply.done}/${reply.total} files, ${reply.records} events`;
        onProgress?.(reply.step === 'reading' ? reading : `indexing ${reply.total} records…`);
      } else if (reply.type === 'done') {
        resolve({ snapshot: Buffer.from(reply.snapshot), files: reply.files, timings: reply.timings });
        void worker.terminate();
      } else {
        reject(new Error(`index build failed: ${reply.message}`));
        void worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`index build worker exited with code ${code}`));
    });
  });
}

/**
 * The worker's entry. From source, a boot file that registers tsx first (workers do not inherit the
 * loader); in the production bundle (`npm run build`), the bundled worker at the top of dist/, this
 * code being in dist/main.mjs or in one of its chunks.
 */
function buildWorkerUrl(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./build-worker-boot.mjs', here);
  return new URL(here.includes('/chunks/') ? '../build-worker.mjs' : './build-worker.mjs', here);
}

const savesInFlight = new Map<string, Promise<void>>();

/**
 * Saves to one path run in the order asked: a reload's index is built after the one before it, so
 * its snapshot must land last, never overwritten by an older save that was still writing.
 */
function saveSnapshot(path: string, snapshot: Buffer, manifest: CorpusManifest): Promise<void> {
  const save = (savesInFlight.get(path) ?? Promise.resolve())
    .catch(() => {})
    .then(() => writeSnapshot(path, snapshot))
    .then(() => writeManifest(manifestPath(path), manifest));
  savesInFlight.set(path, save);
  const forget = () => {
    if (savesInFlight.get(path) === save) savesInFlight.delete(path);
  };
  save.then(forget, forget);
  return save;
}

/** Written beside, then renamed over: a reader never sees half a snapshot. */
async function writeSnapshot(path: string, snapshot: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, snapshot);
  await rename(temporary, path);
}

function logProblems(problems: readonly CorpusProblem[], logger: Logger): void {
  for (const problem of problems.slice(0, PROBLEMS_LOGGED)) logger.warn(`corpus: ${problem.file}:${problem.line}: ${problem.reason}`);
  if (problems.length > PROBLEMS_LOGGED)
    logger.warn(`corpus: ${problems.length - PROBLEMS_LOGGED} more problems (run: kaesong corpus check)`);
}
