import { entryUrl } from './entry-url.ts';
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError } from '../model/describe-error.ts';
import type { Logger } from '../model/logger.ts';
import type { CorpusProblem } from '../model/record.ts';
import { listCorpusFilesInSteps } from '../corpus/load-corpus.ts';
import type { CorpusIndex } from '../search/search-index.ts';
import { decodeSnapshot, decodeSnapshotInSteps, SnapshotRejected, type SnapshotLayout } from '../search/index-snapshot.ts';
import { buildSnapshot } from './build-snapshot.ts';
import { corpusFingerprint, snapshotName } from './corpus-fingerprint.ts';
import type { BuildOutput, BuildReply, BuildRequest, BuildTimings } from './build-messages.ts';
import { fitsBase, type CorpusManifest } from './corpus-manifest.ts';
import { manifestPath, readManifest, removeLegacyManifest, writeManifest } from './manifest-file.ts';
import { SnapshotFile } from './snapshot-file.ts';

/** Below this many bytes of corpus, building takes milliseconds: a build process would only add its start-up. */
const BUILD_PROCESS_THRESHOLD_BYTES = 4 * 1024 * 1024;
/**
 * Below this, a second build thread did not pay: WCEP (27 MB of YAML day files) started 12.4 s cold with it,
 * 11.45 s without (quiet machine); the 9x corpus (620 MB) 80-88 s with it, 129 s without (load average 2-5).
 * Now that each thread parses half of the files (issue 15), the 9x build in-process takes 53.8 s against main's
 * 86.3 s (medians of 3 interleaved, load ~4); WCEP in-process still took longer with two (14.2 s against 12.8 s
 * in one, one run each, load 2-4, from source): the second thread's start and the halves' exchange cost more than they save.
 */
const TWO_THREADS_ABOVE_BYTES = 64 * 1024 * 1024;
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
  /**
   * Threads a build in a child process may keep busy (default 2, for a corpus over 64 MB): a start has the machine to itself, while
   * during a compaction the bot answers and needs a core of its own.
   */
  buildThreads?: 1 | 2;
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
  /**
   * Closes the snapshot file the index reads record bodies and ids from, once nothing uses the index
   * any more (a no-op for an index in memory). An index read after it throws.
   */
  release(): void;
  /**
   * Checks the record bodies and ids a start from a snapshot left in its file, in slices read off the
   * thread (the caller picks a quiet moment): true when damaged (logged, and the file removed), and the
   * index must be rebuilt. False when intact, or for an index built here.
   */
  checkColdPart(): Promise<boolean>;
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
  // Read the snapshot's header and hot part while the corpus files are listed; the listing decides whether it is current.
  const wanted = options.snapshot ?? 'current';
  const reading = path === null || wanted === 'none' ? null : Promise.all([openSnapshot(path), readManifest(manifestPath(path))]);
  // With `last` the files decide nothing here (the caller lists them to apply what changed): listed only for a build.
  const listing = wanted === 'last' && reading !== null ? null : listCorpusFilesInSteps(dirs);
  const [opened, manifest] = (await reading) ?? [null, null];
  const listed = listing === null ? null : await listing;
  const currentFingerprint = listed === null ? null : corpusFingerprint(dirs, listed);

  if (path !== null && opened !== null && manifest !== null && (wanted === 'last' || manifest.fingerprint === currentFingerprint)) {
    try {
      if (opened instanceof SnapshotRejected) throw opened;
      // The closures below keep the file and its layout, never the hot part read with them (the index's own memory).
      const { file } = opened;
      const { layout } = opened.parts;
      const { index, meta } = decodeSnapshot(opened.parts, manifest.fingerprint);
      if (!fitsBase(manifest, index.size)) throw new SnapshotRejected('its manifest names records it does not have');
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
        release: () => file.close(),
        checkColdPart: () => damagedCold(file, layout, logger),
      };
    } catch (error) {
      if (!(opened instanceof SnapshotRejected)) opened.file.close();
      if (!(error instanceof SnapshotRejected)) throw error;
      logger.info(`index snapshot ${path} not used (${error.message}); rebuilding`);
    }
  } else if (opened !== null && !(opened instanceof SnapshotRejected)) {
    opened.file.close();
  }

  const files = listed ?? (await listCorpusFilesInSteps(dirs));
  const fingerprint = currentFingerprint ?? corpusFingerprint(dirs, files);
  const corpusBytes = files.reduce((sum, file) => sum + file.size, 0);
  const threads = corpusBytes > TWO_THREADS_ABOVE_BYTES ? (options.buildThreads ?? 2) : 1;
  const request = { dirs: [...dirs], files, fingerprint, threads };
  const built =
    corpusBytes < BUILD_PROCESS_THRESHOLD_BYTES ? await buildHere(request, path) : await buildInProcess(request, path, options.onProgress);
  const { timings, manifest: builtManifest } = built;
  const decodedAt = performance.now();
  let decoded: Awaited<ReturnType<typeof decodeBuilt>>;
  try {
    decoded = await decodeBuilt(built.snapshot, fingerprint);
  } catch (error) {
    await built.discard();
    throw error;
  }
  const { index, meta, release } = decoded;
  logProblems(meta.problems, logger);
  const readyMs = performance.now() - started;
  const steps = [`parse ${Math.round(timings.parseMs)}`, `index ${Math.round(timings.buildMs)}`, `encode ${Math.round(timings.encodeMs)}`];
  steps.push(`load ${Math.round(performance.now() - decodedAt)}`);
  logger.info(`index: ${index.size} records from ${meta.files} files, built in ${Math.round(readyMs)} ms (${steps.join(', ')})`);
  const saved = built
    .save()
    .catch((error: unknown) => logger.warn(`could not save the index snapshot to ${path ?? 'a temporary folder'}:`, describeError(error)));
  return {
    index,
    problems: meta.problems,
    files: meta.files,
    fingerprint,
    source: 'built',
    readyMs,
    timings,
    saved,
    manifest: builtManifest,
    release,
    checkColdPart: () => Promise.resolve(false),
  };
}

type OpenedSnapshot = Awaited<ReturnType<typeof SnapshotFile.open>>;

/** The snapshot's file opened and its hot part read; null when there is none (or it cannot be read). */
function openSnapshot(path: string): Promise<OpenedSnapshot | SnapshotRejected | null> {
  return SnapshotFile.open(path).catch((error: unknown) => (error instanceof SnapshotRejected ? error : null));
}

/**
 * A just-built snapshot: in memory (a small corpus), or its file, opened and decoded in steps (a
 * compaction's new base is decoded while the bot answers from the old one).
 */
async function decodeBuilt(snapshot: Buffer | string, fingerprint: string) {
  if (typeof snapshot !== 'string') return { ...(await decodeSnapshotInSteps(snapshot, fingerprint)), release: () => {} };
  const { file, parts } = await SnapshotFile.open(snapshot);
  try {
    return { ...(await decodeSnapshotInSteps(parts, fingerprint)), release: () => file.close() };
  } catch (error) {
    file.close();
    throw error;
  }
}

/**
 * The part of a snapshot a start leaves in the file is checked after it, in the background. A damaged
 * one is logged and removed (if no newer snapshot replaced it meanwhile) so that no start uses it again.
 */
async function damagedCold(file: SnapshotFile, layout: SnapshotLayout, logger: Logger): Promise<boolean> {
  try {
    const outcome = await file.checkCold({ position: layout.coldStart, length: layout.cold.length, crc: layout.cold.crc });
    if (outcome !== 'damaged') return false;
    logger.error(`index snapshot ${file.path} is damaged (checksum mismatch in its record bodies or ids); rebuilding the index`);
    await file.remove().catch(() => {});
    return true;
  } catch (error) {
    logger.warn(`index snapshot ${file.path} could not be checked:`, describeError(error));
    return false;
  }
}

/** A built snapshot and manifest, and how to keep them (as the cache's current ones) or drop them. */
interface Built {
  /** In memory (built on this thread), or the path of the file the build process wrote. */
  snapshot: Buffer | string;
  manifest: CorpusManifest;
  timings: BuildTimings;
  save(): Promise<void>;
  discard(): Promise<void>;
}

/** A small corpus, built on this thread: a process would only add its start-up. */
async function buildHere(request: Omit<BuildRequest, 'out'>, path: string | null): Promise<Built> {
  const { snapshot, manifest, timings } = await buildSnapshot(request.dirs, request.files, request.fingerprint);
  return {
    snapshot,
    manifest,
    timings,
    save: () => (path === null ? Promise.resolve() : saveSnapshot(path, snapshot, manifest)),
    discard: () => Promise.resolve(),
  };
}

let builds = 0;

/**
 * A large corpus, built in a child process that writes the snapshot and manifest under temporary names
 * (beside the cache's, or in a temporary folder without a cache); this thread opens the snapshot and,
 * to save them, only renames them into place.
 */
async function buildInProcess(
  request: Omit<BuildRequest, 'out'>,
  path: string | null,
  onProgress?: (line: string) => void,
): Promise<Built> {
  builds += 1;
  const folder = path === null ? await mkdtemp(join(tmpdir(), 'kaesong-build-')) : null;
  if (path !== null) await mkdir(dirname(path), { recursive: true });
  const base = folder === null ? `${path}.${process.pid}-${builds}` : join(folder, 'index');
  const out = { snapshot: `${base}.snapshot.tmp`, manifest: `${base}.manifest.tmp`, folder };
  const discard = async () => {
    if (folder !== null) await rm(folder, { recursive: true, force: true });
    else await Promise.all([rm(out.snapshot, { force: true }), rm(out.manifest, { force: true })]);
  };
  try {
    const timings = await runBuildProcess({ ...request, out }, onProgress);
    const manifest = await readManifest(out.manifest);
    if (manifest === null || manifest.fingerprint !== request.fingerprint) throw new Error('index build wrote no readable manifest');
    // Renamed into place (or removed) while the index reads from it: its open descriptor keeps the file.
    const save = () => (path === null ? discard() : renameSnapshot(path, out));
    return { snapshot: out.snapshot, manifest, timings, save, discard };
  } catch (error) {
    await discard();
    throw error;
  }
}

function runBuildProcess(request: BuildRequest, onProgress?: (line: string) => void): Promise<BuildTimings> {
  return new Promise((resolve, reject) => {
    // No inherited flags (a test runner's or a debugger's): the entry brings what it needs.
    const child = fork(fileURLToPath(buildProcessUrl()), [], {
      execArgv: BUILD_PROCESS_FLAGS,
      env: buildProcessEnv(process.env),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    child.on('message', (reply: BuildReply) => {
      if (reply.type === 'progress') {
        const reading = `reading corpus: ${reply.done}/${reply.total} files, ${reply.records} events`;
        onProgress?.(reply.step === 'reading' ? reading : `indexing ${reply.total} records…`);
        return;
      }
      settled = true;
      if (reply.type === 'done') resolve(reply.timings);
      else reject(new Error(`index build failed: ${reply.message}`));
    });
    child.on('error', (error) => {
      settled = true;
      reject(error);
    });
    child.on('exit', (code, signal) => {
      if (!settled) reject(new Error(`index build process exited with ${signal ?? `code ${code}`}`));
    });
    child.send(request);
  });
}

/**
 * The build's threads keep both cores busy: V8's collector helpers only contend with them (9x in-process, quiet:
 * 34.2 and 35.8 s with one collector thread against 40.7 and 37.9 s with the helpers).
 */
const BUILD_PROCESS_FLAGS = ['--single-threaded-gc'];

/**
 * The bot's environment without its malloc mmap threshold (`npm start` sets one so that what a compaction frees
 * goes back to the system): a build process gives all back when it exits, and with the threshold every large
 * buffer it grows is fresh pages to fault in (9x in-process: 43.3 and 40.7 s with it, 40.7 and 37.9 s without).
 */
function buildProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { MALLOC_MMAP_THRESHOLD_: _threshold, ...rest } = env;
  return rest;
}

function buildProcessUrl(): URL {
  return entryUrl(import.meta.url, 'build-worker-boot.mjs', 'build-worker.mjs');
}

const savesInFlight = new Map<string, Promise<void>>();

/**
 * Saves to one path run in the order asked: a reload's index is built after the one before it, so
 * its snapshot must land last, never overwritten by an older save that was still writing.
 */
function inOrder(path: string, write: () => Promise<void>): Promise<void> {
  const save = (savesInFlight.get(path) ?? Promise.resolve()).catch(() => {}).then(write);
  savesInFlight.set(path, save);
  const forget = () => {
    if (savesInFlight.get(path) === save) savesInFlight.delete(path);
  };
  save.then(forget, forget);
  return save;
}

function saveSnapshot(path: string, snapshot: Buffer, manifest: CorpusManifest): Promise<void> {
  return inOrder(path, async () => {
    await writeSnapshot(path, snapshot);
    await writeManifest(manifestPath(path), manifest);
    await removeLegacyManifest(path);
  });
}

/** The snapshot, then its manifest: a manifest never names a snapshot that is not on disk. */
function renameSnapshot(path: string, out: BuildOutput): Promise<void> {
  return inOrder(path, async () => {
    await rename(out.snapshot, path);
    await rename(out.manifest, manifestPath(path));
    await removeLegacyManifest(path);
  });
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
