import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { trimMalloc } from 'kaesong-malloc-trim';

let collector: (() => void) | null | undefined;

/**
 * A full garbage collection now (~60 ms on the archive's heap). After a compaction the old base (its
 * term tree and its 77 MB snapshot buffer) is garbage, but a bot that allocates little may not collect
 * it for minutes, and RSS stays ~200 MB above a fresh start's until it does. Node has no API for this:
 * `gc` is made available (as `--expose-gc` would) and taken from a new context, once. A no-op where that fails.
 *
 * `compactAll` also moves the objects off every old-space page with room free: V8 by itself moves them only
 * off pages that are mostly empty, and after a swap old space kept 9-15 MB committed beyond what it used (a
 * fresh start: ~4 MB). It costs ~4 times a plain collection (~250 ms in the bot on the archive).
 */
export function collectGarbage(options: { compactAll?: boolean } = {}): void {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    } catch {
      collector = null;
    }
  }
  if (collector === null) return;
  if (options.compactAll !== true) {
    collector();
    return;
  }
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    collector();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

/** Another collection is run while the last one gave back at least this much of V8's heap… */
const SHRINK_WORTH_ANOTHER_BYTES = 8 * 1024 * 1024;
/** …and old space still has at least this much committed but unused (a fresh start on the archive: ~4 MB). */
const SLACK_WORTH_ANOTHER_BYTES = 16 * 1024 * 1024;
const MOST_COLLECTIONS = 5;

/** While a request is being answered, a collection due waits this long and looks again… */
const IDLE_POLL_MS = 5;
/** …but not for more than this: under steady traffic it runs anyway. */
const MOST_WAIT_MS = 2_000;
/** The last, compacting collection waits until no request has been answered for this long… */
const QUIET_BEFORE_COMPACTING_MS = 1_000;
const QUIET_POLL_MS = 50;
/** …but not for more than this. */
const MOST_WAIT_FOR_QUIET_MS = 60_000;

export interface SettleOptions {
  /** When the first collection is due. */
  afterMs: number;
  /** Time between collections: answers are let in between. */
  apartMs: number;
  /** How long no request has been answered (0 while one is); by default always quiet. */
  quietForMs?: () => number;
  /** How long that must be before the compacting collection (default 1 s). */
  quietBeforeCompactingMs?: number;
}

/**
 * Full collections from `afterMs` from now, `apartMs` apart, for as long as each gives back V8 heap, so
 * that what a swap left behind goes back to the system. One is not enough: V8 chooses the pages it
 * compacts before it marks, by how full they were at the previous collection, when the old base was still
 * alive, and moves only so much per collection. Measured in the bot after a compaction of the archive
 * (/proc/<pid>/smaps, v8.getHeapSpaceStatistics): the first collection freed the old base's objects but
 * kept ~50 MB of old-space pages committed and nearly empty; the next two gave back ~40 MB and ~10 MB.
 * Each takes ~0.1 s of this thread (0.2-0.3 s on a loaded machine), so each waits for a moment when no
 * request is being answered: one that arrived during a collection waited for all of it (acks during a
 * compaction p99 110-137 ms against 31 ms otherwise, quiet machine).
 *
 * Then one collection that compacts all of old space, once no request has been answered for a second
 * (run on its own schedule, it was the longest pause of a compaction: acks max 229-235 ms), and malloc's
 * heap is trimmed: what the swap freed inside it (the old base's native objects, the collections' own)
 * stays resident otherwise, as free never gives back pages below a live block. Measured the same way:
 * the bot's brk heap 17-21 MB after a compaction against 5-8 MB for a fresh start; trimmed, 8-9.
 */
export function collectGarbageUntilSettled(options: SettleOptions): void {
  const { apartMs, quietForMs = () => Number.POSITIVE_INFINITY } = options;
  const quietEnough = options.quietBeforeCompactingMs ?? QUIET_BEFORE_COMPACTING_MS;
  let collections = 0;
  let waited = 0;
  const collect = () => {
    if (quietForMs() === 0 && waited < MOST_WAIT_MS) {
      waited += IDLE_POLL_MS;
      setTimeout(collect, IDLE_POLL_MS).unref();
      return;
    }
    waited = 0;
    const before = getHeapStatistics().total_heap_size;
    collectGarbage();
    collections += 1;
    const gaveBack = before - getHeapStatistics().total_heap_size;
    const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space');
    const slack = old === undefined ? 0 : old.space_size - old.space_used_size;
    if (collections < MOST_COLLECTIONS && gaveBack >= SHRINK_WORTH_ANOTHER_BYTES && slack >= SLACK_WORTH_ANOTHER_BYTES)
      setTimeout(collect, apartMs).unref();
    else setTimeout(compactAndTrim, apartMs).unref();
  };
  const compactAndTrim = () => {
    if (quietForMs() < quietEnough && waited < MOST_WAIT_FOR_QUIET_MS) {
      waited += QUIET_POLL_MS;
      setTimeout(compactAndTrim, QUIET_POLL_MS).unref();
      return;
    }
    collectGarbage({ compactAll: true });
    trimMalloc();
  };
  setTimeout(collect, options.afterMs).unref();
}
