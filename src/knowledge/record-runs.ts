/** Runs the records are shared out in: small enough that neither thread waits long for the other at the end. */
const RUNS = 64;
const FRONT = 0xffff;
const BACK_STEP = 0x10000;

export interface RecordRun {
  start: number;
  end: number;
}

/**
 * The records of a build (in column order) cut into runs that two threads take from both ends, the
 * build thread from the front and the columns thread from the back, until they meet: whichever has
 * more time (a loaded machine, a thread still busy with its columns) builds more of the postings. The
 * runs taken from the front are contiguous from record 0, so one builder makes them one part. The last run
 * is the columns thread's: a two-thread build always joins parts of both threads (~1.5% of the postings
 * that the build thread may wait for when it is far ahead), so that join is never a path only some
 * machines take.
 * Both threads count the same records, so both cut the same runs.
 */
export class RecordRuns {
  private readonly taken: Int32Array;
  private readonly runSize: number;
  private readonly runCount: number;

  /** Over a buffer from `sharedRunsBuffer`, shared by both threads. */
  constructor(
    buffer: SharedArrayBuffer,
    private readonly count: number,
  ) {
    this.taken = new Int32Array(buffer);
    this.runSize = Math.max(1, Math.ceil(count / RUNS));
    this.runCount = Math.ceil(count / this.runSize);
  }

  /** The next run from the front, null once the two ends meet; the last run is always left to the back. */
  takeFront(): RecordRun | null {
    const taken = this.take(1, 1);
    return taken === null ? null : this.run(taken & FRONT);
  }

  /** The next run from the back, null once the two ends meet. */
  takeBack(): RecordRun | null {
    const taken = this.take(BACK_STEP, 0);
    return taken === null ? null : this.run(this.runCount - 1 - (taken >>> 16));
  }

  /** Adds one to one end's count unless all runs but `spare` are taken; the counts before (front in the low 16 bits, back above). */
  private take(step: number, spare: number): number | null {
    for (;;) {
      const before = Atomics.load(this.taken, 0);
      if ((before & FRONT) + (before >>> 16) + spare >= this.runCount) return null;
      if (Atomics.compareExchange(this.taken, 0, before, before + step) === before) return before;
    }
  }

  private run(i: number): RecordRun {
    return { start: i * this.runSize, end: Math.min(this.count, (i + 1) * this.runSize) };
  }
}

export function sharedRunsBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}
