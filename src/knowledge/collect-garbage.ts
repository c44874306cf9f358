import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

/**
 * A full garbage collection now (~60 ms on the archive's heap). After a compaction the old base (its
 * term tree and its 77 MB snapshot buffer) is garbage, but a bot that allocates little may not collect
 * it for minutes, and RSS stays ~200 MB above a fresh start's until it does. Node has no API for this:
 * `gc` is made available (as `--expose-gc` would) and taken from a new context, once. A no-op where that fails.
 */
export function collectGarbage(): void {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    } catch {
      collector = null;
    }
  }
  collector?.();
}

/** A collection that gives back less than this of V8's heap is the last: the old base's pages are compacted by then. */
const SHRINK_WORTH_ANOTHER_BYTES = 8 * 1024 * 1024;
const MOST_COLLECTIONS = 6;

/**
 * Full collections from `afterMs` from now, `apartMs` apart (answers are let in between), for as long as
 * each gives back V8 heap, so that what a swap left behind goes back to the system. One is not enough:
 * V8 chooses the pages it compacts before it marks, by how full they were at the previous collection,
 * when the old base was still alive, and moves only so much per collection. Measured in the bot after a
 * compaction of the archive (/proc/<pid>/smaps, v8.getHeapSpaceStatistics): the first collection freed
 * the old base's objects but kept ~70 MB of old-space pages committed and nearly empty; the next ones
 * gave back ~40 MB each, then nothing. Each takes ~0.1-0.3 s of this thread.
 */
export function collectGarbageUntilSettled(afterMs: number, apartMs: number): void {
  let collections = 0;
  const collect = () => {
    const before = getHeapStatistics().total_heap_size;
    collectGarbage();
    collections += 1;
    if (collections < MOST_COLLECTIONS && before - getHeapStatistics().total_heap_size >= SHRINK_WORTH_ANOTHER_BYTES)
      setTimeout(collect, apartMs).unref();
  };
  setTimeout(collect, afterMs).unref();
}
