import { describeError } from '../model/describe-error.ts';
import type { Logger } from '../model/logger.ts';
import type { TimelineWriter } from '../model/timeline-writer.ts';
import type { CorpusRecord } from '../model/record.ts';
import type { DeskChange, Store } from '../store/store.ts';
import { DESK_ORIGIN } from '../model/timeline-writer.ts';

/** Runs `tick` every `ms` until the returned function is called. */
type Every = (ms: number, tick: () => void) => () => void;

const realEvery: Every = (ms, tick) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
};

export interface DeskFollower {
  /** Applies every logged change not applied yet, in sequence order; resolves once they are searchable. */
  sync(): Promise<void>;
  /** Catches up from the start of the log, then follows it: notifications where the store has them, polling always. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The sequence number of the last change applied (0 before any). */
  readonly applied: number;
}

export interface DeskFollowerOptions {
  logger: Logger;
  /** How often to look for changes other replicas logged (default 1 s). */
  pollMs?: number;
  every?: Every;
}

const BATCH = 500;

/** A replica's view of the desk log, replayed into its timeline through `writer` as `store:desk`. */
export function followDesk(store: Store, writer: TimelineWriter, options: DeskFollowerOptions): DeskFollower {
  let applied = 0;
  let queue: Promise<void> = Promise.resolve();
  let stopPolling: (() => void) | null = null;
  let stopListening: (() => Promise<void>) | null = null;

  /** A batch of changes as their net effect: two writer calls, however long the log (a replica starting replays all of it). */
  const apply = async (changes: readonly DeskChange[]) => {
    const final = new Map<string, CorpusRecord | null>();
    for (const change of changes) {
      if (change.before !== null && change.before.id !== change.after?.id) final.set(change.before.id, null);
      if (change.after !== null) final.set(change.after.id, change.after);
    }
    const removed = [...final].filter(([, record]) => record === null).map(([id]) => id);
    const upserted = [...final.values()].filter((record): record is CorpusRecord => record !== null);
    if (removed.length > 0) await writer.remove(removed, DESK_ORIGIN);
    if (upserted.length > 0) await writer.upsert(upserted, DESK_ORIGIN);
  };

  const catchUp = async () => {
    for (;;) {
      const changes = await store.deskChangesAfter(applied, BATCH);
      await apply(changes);
      if (changes.length > 0) applied = changes.at(-1)!.seq;
      if (changes.length < BATCH) return;
    }
  };

  const sync = () => {
    const run = queue.then(catchUp);
    queue = run.catch((error: unknown) => options.logger.warn('desk: could not apply the change log; retrying', describeError(error)));
    return run;
  };

  return {
    sync,
    async start() {
      stopPolling = (options.every ?? realEvery)(options.pollMs ?? 1_000, () => void sync().catch(() => {}));
      stopListening = await store.listenForDeskChanges(() => void sync().catch(() => {}));
      await sync();
    },
    async stop() {
      stopPolling?.();
      stopPolling = null;
      await stopListening?.();
      stopListening = null;
      await queue;
    },
    get applied() {
      return applied;
    },
  };
}
