import { describeError } from '../model/describe-error.ts';
import type { Logger } from '../model/logger.ts';
import type { Metrics } from '../model/metrics.ts';
import type { CorpusRecord } from '../model/record.ts';
import type { Origin, TimelineWriter } from '../model/timeline-writer.ts';
import { liveIndex, type LiveIndex } from '../search/live-index.ts';
import { listCorpusFiles } from '../corpus/load-corpus.ts';
import { corpusFingerprint } from './corpus-fingerprint.ts';
import { openKnowledge, type Knowledge } from './open-knowledge.ts';
import { watchCorpus, type CorpusWatcher } from './watch-corpus.ts';

export interface LiveKnowledgeOptions {
  cacheDir: string | null;
  logger: Logger;
  /** Receives each new index; queries keep using the previous one until then. */
  onIndex: (index: LiveIndex) => void;
  debounceMs?: number;
  /** How long after the first index the folders start being watched (default 1 s). */
  watchDelayMs?: number;
  /** Told each reload's outcome and duration (not the first load). */
  metrics?: Pick<Metrics, 'reloaded'>;
}

export interface LiveKnowledge extends TimelineWriter {
  /** The first load: resolves when the first index has been handed to `onIndex`. */
  ready: Promise<Knowledge>;
  /** Runs a reload now (also what a file change triggers); resolves when it is done or skipped. */
  reload(): Promise<void>;
  /** Stops watching; resolves once a snapshot being written is on disk. */
  close(): Promise<void>;
}

/**
 * Loads the corpus, then watches its folders and rebuilds-and-swaps the index when files change. A
 * reload that fails (or finds broken files, which are only reported) never takes the old index away.
 */
export function liveKnowledge(dirs: readonly string[], options: LiveKnowledgeOptions): LiveKnowledge {
  const { logger } = options;
  let current: Knowledge | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  // Every load's snapshot save, even one whose index is not swapped in; saves land in order.
  let lastSave: Promise<void> = Promise.resolve();
  let live: LiveIndex | null = null;
  // STAND-IN until issue 12's per-origin merge: what non-file origins (the desk store) gave, replayed on each new base.
  const written = new Map<Origin, Map<string, CorpusRecord>>();

  const load = async () => {
    const knowledge = await openKnowledge(dirs, { cacheDir: options.cacheDir, logger, onProgress: (line) => logger.info(line) });
    lastSave = knowledge.saved;
    if (current !== null && knowledge.fingerprint === current.fingerprint) return current;
    current = knowledge;
    live = liveIndex(knowledge.index);
    for (const records of written.values()) live.upsert([...records.values()]);
    options.onIndex(live);
    return knowledge;
  };

  const reload = (): Promise<void> => {
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const before = current?.fingerprint;
        const started = performance.now();
        const took = () => (performance.now() - started) / 1000;
        try {
          const knowledge = await load();
          if (knowledge.fingerprint !== before) logger.info(`corpus reloaded: ${knowledge.index.size} records`);
          options.metrics?.reloaded(knowledge.fingerprint !== before ? 'changed' : 'unchanged', took());
        } catch (error) {
          logger.error('corpus reload failed; still answering from the previous index:', describeError(error));
          options.metrics?.reloaded('failed', took());
        }
      } while (again);
      running = null;
    })();
    return running;
  };

  const ready = load();
  let watcher: CorpusWatcher | null = null;
  let closed = false;
  // Watching, and listing the corpus once more, hold this thread ~0.1 s: not while the first answers
  // after start-up are due. A file changed in between is caught by comparing the corpus with the one loaded.
  const watch = (loaded: Knowledge | null) => {
    if (closed) return;
    try {
      watcher = watchCorpus(dirs, () => void reload(), { debounceMs: options.debounceMs ?? 1_000, logger });
      if (loaded !== null && corpusFingerprint(dirs, listCorpusFiles(dirs)) !== loaded.fingerprint) void reload();
    } catch (error) {
      logger.warn('corpus watch could not start:', describeError(error));
    }
  };
  const watchLater = (loaded: Knowledge | null) => setTimeout(() => watch(loaded), options.watchDelayMs ?? 1_000).unref();
  ready.then(watchLater, () => watchLater(null));
  const originRecords = (origin: Origin) => {
    const records = written.get(origin) ?? new Map<string, CorpusRecord>();
    written.set(origin, records);
    return records;
  };
  return {
    ready,
    reload,
    async upsert(records, origin) {
      await ready;
      for (const record of records) originRecords(origin).set(record.id, record);
      live?.upsert(records);
    },
    async remove(ids, origin) {
      await ready;
      for (const id of ids) originRecords(origin).delete(id);
      live?.remove(ids);
    },
    async close() {
      closed = true;
      watcher?.close();
      await running?.catch(() => {});
      await lastSave;
    },
  };
}
