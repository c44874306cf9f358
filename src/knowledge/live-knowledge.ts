import { setImmediate as nextTurn } from 'node:timers/promises';
import { describeError } from '../model/describe-error.ts';
import type { Logger } from '../model/logger.ts';
import type { Metrics } from '../model/metrics.ts';
import type { CorpusRecord } from '../model/record.ts';
import type { Origin, TimelineWriter } from '../model/timeline-writer.ts';
import { liveIndex, type LiveIndex } from '../search/live-index.ts';
import type { Contribution } from '../corpus/contributions.ts';
import { contributionsOf } from '../corpus/contributions.ts';
import { fileKind } from '../corpus/detect-format.ts';
import { listCorpusFilesInSteps, readCorpusFile, type CorpusFile } from '../corpus/load-corpus.ts';
import { collectGarbageUntilSettled } from './collect-garbage.ts';
import { fileEntry, type FileFacts } from './corpus-manifest.ts';
import { MergeState } from './merge-state.ts';
import { openKnowledge, type Knowledge } from './open-knowledge.ts';
import { watchCorpus, type CorpusWatcher } from './watch-corpus.ts';

/** Folding the delta into a new base costs a full build in a child process: worth it once the delta is this large. */
const COMPACT_AT_RECORDS = 5_000;
const COMPACT_AFTER_QUIET_MS = 10 * 60_000;
/**
 * More changed files than this at once (a `git pull`) take the full-rebuild path. Measured (bench, live
 * updates): applying one-event files costs ~0.15 ms each on this thread (1,000 in 0.16 s), a full build
 * ~14 s in a child process; but 2,000 WCEP day files (~13 events each) are ~26,000 records, far past the
 * point where the delta is compacted anyway, so the rebuild is taken at once.
 */
const REBUILD_ABOVE_FILES = 2_000;
/**
 * Changes are applied in steps, with queries let in once this thread has been busy this long: a file of
 * 10,000 events read, hashed and merged in one go held it ~0.65 s (load 3-4), and slash acks waited for it.
 */
const BUSY_BEFORE_YIELD_MS = 10;
/** Records merged and put in the index at a time: 500 took 40-110 ms of this thread (load 3-4), 200 take ~15-40 ms. */
const RECORDS_BETWEEN_YIELDS = 200;
const COLLECT_AFTER_SWAP_MS = 1_000;
const COLLECTIONS_APART_MS = 500;
/** Queries are synchronous, but an answer may hold a searcher across awaits (a digest, a Slack call): its base stays open this long. */
const RELEASE_AFTER_SWAP_MS = 60_000;
/** Checking 414 MB of record bodies and ids (9×) beside the first answers after a start slowed them: it waits this long. */
const CHECK_SNAPSHOT_AFTER_MS = 30_000;

export interface LiveKnowledgeOptions {
  cacheDir: string | null;
  logger: Logger;
  /** Receives the live index at start and after each compaction; it changes in place in between. */
  onIndex: (index: LiveIndex) => void;
  /** How long file changes settle before they are read (default 150 ms). */
  debounceMs?: number;
  /** How long after the first index the folders start being watched (default 1 s). */
  watchDelayMs?: number;
  /** Told each reload's outcome and duration (not the first load), each compaction, and the delta's size. */
  metrics?: Pick<Metrics, 'reloaded' | 'compacted' | 'liveIndexSize'>;
  /** Delta records plus tombstones that start a compaction (default 5,000). */
  compactAt?: number;
  /** Quiet time after the last change before a delta is compacted anyway (default 10 min). */
  compactAfterQuietMs?: number;
  /** More changed files than this at once are rebuilt in full rather than applied one by one (default 2,000). */
  rebuildAboveFiles?: number;
  /** How long a replaced base's snapshot file stays open after the swap (default 60 s). */
  releaseAfterSwapMs?: number;
  /** How long after a start from a snapshot its record bodies and ids are checked (default 30 s). */
  checkSnapshotAfterMs?: number;
  /** How long no request has been answered (0 while one is): the collections after a swap wait for quiet moments. */
  quietForMs?: () => number;
}

export interface LiveKnowledge extends TimelineWriter {
  /** The first load: resolves when the first index has been handed to `onIndex` (without the index: a compaction replaces it). */
  ready: Promise<LoadedKnowledge>;
  /** Reads the files changed since last looked at now (also what a file change triggers); resolves when applied. */
  reload(): Promise<void>;
  /** Folds the changes into a new base now (in a child process), swaps it in, and saves its snapshot. */
  compact(): Promise<void>;
  /** Stops watching; resolves once a snapshot being written is on disk. */
  close(): Promise<void>;
}

/** How the first index was had; not the index itself, so that an old base is not kept alive after a compaction. */
type LoadedKnowledge = Omit<Knowledge, 'index' | 'manifest' | 'saved'>;

type SyncOutcome = 'changed' | 'unchanged' | 'rebuild';

/**
 * The corpus as a live index that changes in place. Every change goes through one write path: a
 * changed file is re-read alone and only the ids it touches are merged again (with what other files
 * and stores give them); records written by origin (`store:desk`) the same way. A compaction folds the
 * changes into a new base built in a child process and swaps it in; a start reads the last snapshot and
 * applies only the files changed since. A failed change never takes the index away.
 */
export function liveKnowledge(dirs: readonly string[], options: LiveKnowledgeOptions): LiveKnowledge {
  const { logger } = options;
  const compactAt = options.compactAt ?? COMPACT_AT_RECORDS;
  const rebuildAbove = options.rebuildAboveFiles ?? REBUILD_ABOVE_FILES;
  // Every write waits its turn: a change is merged against the state the previous one left.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => T | Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  };
  let state: MergeState | null = null;
  let live: LiveIndex | null = null;
  let lastSave: Promise<void> = Promise.resolve();
  const written = new Map<Origin, Map<string, CorpusRecord>>();
  let closed = false;
  // What the written origins alone put in the delta of a new base: no reason to compact again.
  let settledDelta = 0;
  // Closes the current base's snapshot file: called a grace period after a new base replaces it.
  let releaseBase = () => {};
  // Bases swapped in by compactions so far.
  let swaps = 0;
  const replaceBase = (knowledge: Knowledge) => {
    swaps += 1;
    const release = releaseBase;
    // The function alone: a closure over `knowledge` kept the old base (and its hot part) alive until the timer fired.
    releaseBase = knowledge.release;
    setTimeout(release, options.releaseAfterSwapMs ?? RELEASE_AFTER_SWAP_MS).unref();
  };

  /** Applies the files changed since `into` last saw them to it and `index`. */
  const syncFiles = async (into: MergeState, index: LiveIndex): Promise<SyncOutcome> => {
    const listed = await listCorpusFilesInSteps(dirs);
    const paths = new Set(listed.map((file) => file.path));
    const moved = (file: CorpusFile, entry: FileFacts | undefined) =>
      entry === undefined || entry.size !== file.size || entry.mtimeMs !== file.mtimeMs;
    const changed = listed.filter((file) => moved(file, into.file(file.path)));
    const gone = [...into.fileEntries()].filter((entry) => !paths.has(entry.path)).map((entry) => entry.path);
    const touchesSynonyms = [...changed.map((file) => file.path), ...gone].some((path) => fileKind(path) === 'synonyms');
    if (touchesSynonyms || changed.length + gone.length > rebuildAbove) return 'rebuild';
    // Read again though its size and time are the same: it may have been rewritten within the file system's time resolution.
    const racy = listed.filter(
      (file) => into.file(file.path)?.racy === true && !moved(file, into.file(file.path)) && fileKind(file.path) !== 'synonyms',
    );
    if (changed.length + gone.length + racy.length === 0) return 'unchanged';
    await into.prepare();
    const affected = await applyFiles(into, index, [...changed, ...racy], gone);
    return changed.length + gone.length > 0 || affected > 0 ? 'changed' : 'unchanged';
  };

  /** Returns how many ids were merged again. */
  const applyFiles = async (into: MergeState, index: LiveIndex, changed: CorpusFile[], gone: string[]): Promise<number> => {
    const read = new Map<string, Map<string, Contribution>>();
    const affected = new Set<string>();
    // Files are read on this thread: queries are let in between steps, so a burst or a large file never holds them up for long.
    const pause = yielder();
    for (const file of changed) {
      const outcome = readCorpusFile(file.path);
      await pause();
      const contributions = contributionsOf(outcome.records);
      read.set(file.path, contributions);
      for (const problem of outcome.problems) logger.warn(`corpus: ${problem.file}:${problem.line}: ${problem.reason}`);
      const entry = fileEntry(file, outcome, contributions);
      await pause();
      for (const id of into.replaceFile(file.path, entry)) affected.add(id);
      await pause();
    }
    for (const path of gone) {
      for (const id of into.replaceFile(path, null)) affected.add(id);
      await pause();
    }
    await apply(into, index, affected, read);
    return affected.size;
  };

  /** A large change (a file of thousands of events) is merged and put in by slices, with queries let in between. */
  const apply = async (into: MergeState, index: LiveIndex, ids: Iterable<string>, read = new Map<string, Map<string, Contribution>>()) => {
    const all = [...ids];
    for (let start = 0; start < all.length; start += RECORDS_BETWEEN_YIELDS) {
      if (start > 0) await nextTurn();
      const { upserted, removed } = into.merge(all.slice(start, start + RECORDS_BETWEEN_YIELDS), read);
      index.upsert(upserted);
      if (removed.length > 0) index.remove(removed);
    }
  };

  const changedNow = () => {
    if (live === null) return;
    const stats = live.stats();
    options.metrics?.liveIndexSize({ deltaRecords: stats.deltaRecords, tombstones: stats.tombstones });
    const delta = stats.deltaRecords + stats.tombstones;
    if (delta >= compactAt + settledDelta) void compact();
    else if (delta > settledDelta) quietCompaction();
  };

  let quietTimer: NodeJS.Timeout | null = null;
  const quietCompaction = () => {
    if (quietTimer !== null) clearTimeout(quietTimer);
    if (closed) return;
    quietTimer = setTimeout(() => void compact(), options.compactAfterQuietMs ?? COMPACT_AFTER_QUIET_MS);
    quietTimer.unref();
  };

  /** A base (and what each file gave it) with the written origins re-applied and the files changed since applied. */
  const adopt = async (knowledge: Knowledge): Promise<{ state: MergeState; index: LiveIndex; outcome: SyncOutcome }> => {
    const next = new MergeState(knowledge.manifest, knowledge.index.tables);
    const index = liveIndex(knowledge.index);
    // The base was just decoded and its live index made: let queries in before the files are listed.
    await nextTurn();
    const ids = new Set<string>();
    if (written.size > 0) await next.prepare();
    for (const [origin, records] of written) for (const id of next.replaceWritten(origin, [...records.values()])) ids.add(id);
    await apply(next, index, ids);
    return { state: next, index, outcome: await syncFiles(next, index) };
  };

  const writtenDelta = (index: LiveIndex) => {
    const stats = index.stats();
    return stats.deltaRecords + stats.tombstones;
  };

  const start = async (): Promise<LoadedKnowledge> => {
    const open = (snapshot: 'last' | 'none') =>
      openKnowledge(dirs, { cacheDir: options.cacheDir, logger, onProgress: (line) => logger.info(line), snapshot });
    let knowledge = await open('last');
    let adopted = await adopt(knowledge);
    if (adopted.outcome === 'rebuild') {
      // Never handed out: nothing reads the last snapshot's base.
      knowledge.release();
      knowledge = await open('none');
      adopted = await adopt(knowledge);
    }
    lastSave = knowledge.saved;
    state = adopted.state;
    live = adopted.index;
    settledDelta = writtenDelta(live);
    releaseBase = knowledge.release;
    options.onIndex(live);
    // The snapshot's record bodies and ids are checked after the start: damaged, the index is built again.
    // Only the check is kept, never `knowledge`: a closure over it held the first base (~40 MB at 1x)
    // until the timer fired, though a compaction had replaced it. A replaced base is not checked at all.
    const { checkColdPart } = knowledge;
    const swapsAtStart = swaps;
    const checkSnapshot = async () => {
      const current = () => !closed && swaps === swapsAtStart;
      if (current() && (await checkColdPart()) && current()) void compact();
    };
    setTimeout(() => void checkSnapshot(), options.checkSnapshotAfterMs ?? CHECK_SNAPSHOT_AFTER_MS).unref();
    const { index: _index, manifest: _manifest, saved: _saved, ...loaded } = knowledge;
    return loaded;
  };

  let compacting: Promise<void> | null = null;
  let compactAgain = false;
  const compact = (): Promise<void> => {
    if (compacting !== null) {
      compactAgain = true;
      return compacting;
    }
    compacting = (async () => {
      await ready;
      do {
        compactAgain = false;
        const started = performance.now();
        const folding = live?.stats();
        if (folding !== undefined)
          logger.info(`compacting: ${folding.deltaRecords} changed records and ${folding.tombstones} base records hidden`);
        try {
          // Built from the files as they are now; changes that arrive meanwhile go to the old index, then are applied on top.
          const knowledge = await openKnowledge(dirs, { cacheDir: options.cacheDir, logger, snapshot: 'none', buildThreads: 1 });
          lastSave = knowledge.saved;
          const outcome = await serial(async () => {
            let adopted: Awaited<ReturnType<typeof adopt>>;
            try {
              adopted = await adopt(knowledge);
            } catch (error) {
              knowledge.release();
              throw error;
            }
            state = adopted.state;
            live = adopted.index;
            settledDelta = writtenDelta(live);
            options.onIndex(live);
            replaceBase(knowledge);
            return adopted.outcome;
          });
          if (outcome === 'rebuild') compactAgain = true;
          options.metrics?.compacted((performance.now() - started) / 1000);
          // Once answers begun on the old base are done: its memory back to the system now, not whenever V8 next collects.
          collectGarbageUntilSettled({ afterMs: COLLECT_AFTER_SWAP_MS, apartMs: COLLECTIONS_APART_MS, quietForMs: options.quietForMs });
          logger.info(`index compacted: ${knowledge.index.size} records in the new base`);
          changedNow();
        } catch (error) {
          logger.error('index compaction failed; still answering from the live index:', describeError(error));
        }
      } while (compactAgain && !closed);
      compacting = null;
    })();
    return compacting;
  };

  const reload = (): Promise<void> =>
    (async () => {
      await ready;
      const started = performance.now();
      const took = () => (performance.now() - started) / 1000;
      try {
        const outcome = await serial(() => syncFiles(state!, live!));
        if (outcome === 'rebuild') await compact();
        options.metrics?.reloaded(outcome === 'unchanged' ? 'unchanged' : 'changed', took());
        if (outcome === 'changed') changedNow();
      } catch (error) {
        logger.error('corpus reload failed; still answering from the previous index:', describeError(error));
        options.metrics?.reloaded('failed', took());
      }
    })();

  const write = async (origin: Origin, change: (records: Map<string, CorpusRecord>) => void): Promise<void> => {
    await ready;
    await serial(async () => {
      await state!.prepare();
      const records = written.get(origin) ?? new Map<string, CorpusRecord>();
      change(records);
      if (records.size === 0) written.delete(origin);
      else written.set(origin, records);
      await apply(state!, live!, state!.replaceWritten(origin, [...records.values()]));
    });
    changedNow();
  };

  const ready = start();
  let watcher: CorpusWatcher | null = null;
  // Watching, and listing the corpus once more, hold this thread ~0.1 s: not while the first answers
  // after start-up are due. A file changed in between is caught by the reload that follows.
  const watch = () => {
    if (closed) return;
    try {
      watcher = watchCorpus(dirs, () => void reload(), { debounceMs: options.debounceMs ?? 150, logger });
      void reload();
    } catch (error) {
      logger.warn('corpus watch could not start:', describeError(error));
    }
  };
  ready.then(
    () => setTimeout(watch, options.watchDelayMs ?? 1_000).unref(),
    () => {},
  );
  return {
    ready,
    reload,
    compact,
    upsert: (records, origin) =>
      write(origin, (kept) => {
        for (const record of records) kept.set(record.id, record);
      }),
    remove: (ids, origin) =>
      write(origin, (kept) => {
        for (const id of ids) kept.delete(id);
      }),
    async close() {
      closed = true;
      watcher?.close();
      if (quietTimer !== null) clearTimeout(quietTimer);
      await ready.catch(() => {});
      await compacting;
      await queue;
      await lastSave;
    },
  };
}

/** An await that lets queries in once this thread has been busy BUSY_BEFORE_YIELD_MS since it last did (and is free otherwise). */
function yielder(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < BUSY_BEFORE_YIELD_MS) return;
    await nextTurn();
    since = performance.now();
  };
}
