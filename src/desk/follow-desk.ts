import { describeError } from '../model/describe-error.ts';
import type { Logger } from '../model/logger.ts';
import type { TimelineWriter } from '../model/timeline-writer.ts';
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

  const apply = async (change: DeskChange) => {
    if (change.before !== null && change.before.id !== change.after?.id) await writer.remove([change.before.id], DESK_ORIGIN);
    if (change.after !== null) await writer.upsert([change.after], DESK_ORIGIN);
  };

  const catchUp = async () => {
    for (;;) {
      const changes = await store.deskChangesAfter(applied, BATCH);
      for (const change of changes) {
        await apply(change);
        applied = change.seq;
      }
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
