import type { Clock } from '../model/clock.ts';
import type { Logger } from '../model/logger.ts';
import type { Metrics } from '../model/metrics.ts';
import type { Searcher } from '../search/searcher.ts';
import type { Store, Subscription } from '../store/store.ts';
import type { SlackMessage } from '../block-kit/message.ts';
import { fitMessage } from '../block-kit/fit-message.ts';
import { describeError } from '../model/describe-error.ts';
import { buildDigest, datedRecordIds, type BuiltDigest } from './build-digest.ts';
import { digestSlot, type DigestSlot } from './schedule.ts';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './publish-retry.ts';

/** chat.postMessage arguments the runner sends; the function returns the posted message's ts. */
export interface DigestPost extends SlackMessage {
  channel: string;
  unfurl_links: false;
  unfurl_media: false;
}

export type Publish = (post: DigestPost) => Promise<{ ts: string }>;

export interface DigestRunnerOptions {
  store: Store;
  /** The index of the moment; null while the corpus is still loading (the tick then waits). */
  searcher: () => Searcher | null;
  publish: Publish;
  clock: Clock;
  logger: Logger;
  /** Names this process in claims, e.g. `hostname:pid`. */
  replicaId: string;
  slashCommand?: string;
  retry?: Partial<RetryPolicy>;
  /** Least time between two posts, to stay under Slack's ~1 message per second. */
  paceMs?: number;
  /** How long a channel-day that finally failed waits before another try from this process. */
  failureCooldownMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told the outcome of every channel-day run. */
  metrics?: Pick<Metrics, 'digestPost'>;
}

export type ChannelOutcome =
  | { channelId: string; localDay: string; result: 'posted'; ts: string }
  | { channelId: string; localDay: string; result: 'nothing-to-say' | 'taken' | 'cooling-down' }
  | { channelId: string; localDay: string; result: 'failed'; reason: string };

export interface DigestRunner {
  /** Posts every due digest once (clock-dependent). Overlapping calls wait for the one under way. */
  tick(): Promise<ChannelOutcome[]>;
  /** Posts `subscription`'s digest for `localDay` now unless it is already posted or claimed. */
  runChannel(subscription: Subscription, localDay: string): Promise<ChannelOutcome>;
  /** Ticks now (start-up catch-up) and then every `intervalMs`. */
  start(intervalMs?: number): void;
  /** Stops ticking and waits for a tick under way. */
  stop(): Promise<void>;
}

/** Failures that also stop a one-line notice from reaching the channel. */
const CANNOT_POST_THERE = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'invalid_auth',
  'token_revoked',
  'account_inactive',
]);

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDigestRunner(options: DigestRunnerOptions): DigestRunner {
  const { store, publish, clock, logger, replicaId } = options;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const paceMs = options.paceMs ?? 1_000;
  const cooldownMs = options.failureCooldownMs ?? 5 * 60_000;
  const sleep = options.sleep ?? realSleep;
  const cooling = new Map<string, number>();
  // Weakly: after a compaction, the index noted last would otherwise be kept (~150 MB) until the next digest run.
  let notedSearcher: WeakRef<Searcher> | null = null;
  let lastPostAt = Number.NEGATIVE_INFINITY;
  let running: Promise<ChannelOutcome[]> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function noteCorpus(searcher: Searcher): Promise<void> {
    if (notedSearcher?.deref() === searcher) return;
    const firstCorpus = !(await store.hasSeenRecords());
    const added = await store.noteRecordsSeen(datedRecordIds(searcher), firstCorpus ? new Date(0) : clock.now());
    notedSearcher = new WeakRef(searcher);
    if (added > 0) logger.info(`digest: ${added} records seen for the first time`);
  }

  async function pace(): Promise<void> {
    const wait = lastPostAt + paceMs - Date.now();
    if (wait > 0) await sleep(wait);
    lastPostAt = Date.now();
  }

  async function runChannel(subscription: Subscription, localDay: string): Promise<ChannelOutcome> {
    const outcome = await attemptChannel(subscription, localDay).catch((error: unknown) => {
      options.metrics?.digestPost('failed');
      throw error;
    });
    options.metrics?.digestPost(outcome.result);
    return outcome;
  }

  async function attemptChannel(subscription: Subscription, localDay: string): Promise<ChannelOutcome> {
    const { channelId } = subscription;
    const key = `${channelId}/${localDay}`;
    const now = clock.now();
    if ((cooling.get(key) ?? Number.NEGATIVE_INFINITY) > now.getTime()) return { channelId, localDay, result: 'cooling-down' };
    const searcher = options.searcher();
    if (searcher === null) return { channelId, localDay, result: 'failed', reason: 'the corpus is still loading' };
    await noteCorpus(searcher);
    if (!(await store.claimDigest(channelId, localDay, replicaId, now))) return { channelId, localDay, result: 'taken' };

    const fail = async (reason: string, cooldown = cooldownMs): Promise<ChannelOutcome> => {
      await store
        .releaseDigest(channelId, localDay, replicaId)
        .catch((error: unknown) => logger.error(`digest: could not release ${key}`, describeError(error)));
      cooling.set(key, clock.now().getTime() + cooldown);
      logger.error(`digest: ${key} not posted: ${reason}`);
      return { channelId, localDay, result: 'failed', reason };
    };

    let built: BuiltDigest;
    try {
      built = await buildDigest(
        searcher,
        store,
        subscription,
        localDay,
        options.slashCommand === undefined ? {} : { slashCommand: options.slashCommand },
      );
    } catch (error) {
      return fail(`building failed: ${describeError(error)}`);
    }
    if (built.message === null) {
      await store.markDigestPosted(channelId, localDay, '', now);
      logger.info(`digest: ${key} had nothing to say`);
      return { channelId, localDay, result: 'nothing-to-say' };
    }
    // Never sent broken: a rule the builder missed costs the offending block, not the day's digest.
    const message = fitMessage(built.message, logger);

    await pace();
    const outcome = await withRetry(
      () => publish({ channel: channelId, ...message, unfurl_links: false, unfurl_media: false }),
      retry,
      sleep,
      (failure, delayMs, attempt) => logger.warn(`digest: ${key} attempt ${attempt} failed (${failure.kind}); retrying in ${delayMs} ms`),
    );
    if (!outcome.ok) {
      const permanent = outcome.failure.kind === 'permanent';
      await noteFailure(subscription, outcome.failure.kind === 'permanent' ? outcome.failure.code : describeError(outcome.error));
      return fail(`${describeError(outcome.error)} after ${outcome.attempts} attempt(s)`, permanent ? cooldownMs * 12 : cooldownMs);
    }
    await recordPost(channelId, localDay, outcome.value.ts, now);
    logger.info(`digest: posted ${key} (ts ${outcome.value.ts})`);
    return { channelId, localDay, result: 'posted', ts: outcome.value.ts };
  }

  /**
   * Keeps the failure for `digest status` and, the first time in a run of failures, tells the
   * channel in one line where Slack still lets the bot post there (not when it was removed).
   */
  async function noteFailure(subscription: Subscription, reason: string): Promise<void> {
    const { channelId } = subscription;
    let first: boolean;
    try {
      first = await store.noteDigestFailure(channelId, reason, clock.now());
    } catch (error) {
      logger.error(`digest: could not record the failure of ${channelId}`, describeError(error));
      return;
    }
    if (!first || CANNOT_POST_THERE.has(reason)) return;
    const command = options.slashCommand ?? '/kaesong';
    const text =
      `Today's daily digest could not be posted here (Slack said \`${reason}\`). ` +
      `\`${command} digest status\` shows the last error; the next digest is tried as usual.`;
    try {
      await publish({
        channel: channelId,
        text,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      logger.warn(`digest: could not tell ${channelId} that its digest failed`, describeError(error));
    }
  }

  /** The post is out: losing this write would let the lease expire and the day post twice, so insist. */
  async function recordPost(channelId: string, localDay: string, ts: string, builtAt: Date): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await store.markDigestPosted(channelId, localDay, ts, builtAt);
      } catch (error) {
        if (attempt >= 5) throw error;
        logger.error(`digest: could not record the post of ${channelId}/${localDay} (ts ${ts}); retrying`, describeError(error));
        await sleep(1_000 * attempt);
      }
    }
  }

  async function tickOnce(): Promise<ChannelOutcome[]> {
    if (options.searcher() === null) return [];
    const outcomes: ChannelOutcome[] = [];
    for (const subscription of await store.listSubscriptions()) {
      let slot: DigestSlot;
      try {
        slot = digestSlot(subscription, clock.now());
      } catch (error) {
        logger.warn(`digest: skipping ${subscription.channelId}: ${describeError(error)}`);
        continue;
      }
      if (!slot.due) continue;
      try {
        outcomes.push(await runChannel(subscription, slot.localDay));
      } catch (error) {
        logger.error(`digest: ${subscription.channelId}/${slot.localDay} failed`, describeError(error));
      }
    }
    return outcomes;
  }

  const runner: DigestRunner = {
    async tick() {
      while (running !== null) await running.catch(() => {});
      running = tickOnce();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    runChannel,
    start(intervalMs = 30_000) {
      if (timer !== null) return;
      const loop = () => {
        runner
          .tick()
          .catch((error: unknown) => logger.error('digest: tick failed', describeError(error)))
          .finally(() => {
            if (timer !== null) timer = setTimeout(loop, intervalMs);
          });
      };
      timer = setTimeout(loop, 0);
    },
    async stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (running !== null) await running.catch(() => {});
    },
  };
  return runner;
}
