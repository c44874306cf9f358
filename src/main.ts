import 'dotenv/config';
import { loadConfig } from './config/load-config.ts';
import { ConfigError, type Config } from './config/config.ts';
import { createLogger } from './log/create-logger.ts';
import { liveKnowledge } from './knowledge/live-knowledge.ts';
import { searcherProvider } from './slack/searcher-provider.ts';
import { systemClock } from './model/clock.ts';
import { describeError } from './model/describe-error.ts';
import type { DigestService } from './digest/digest-service.ts';
import { noMetrics, type Metrics } from './model/metrics.ts';

let config: Config;
try {
  config = loadConfig(process.env, { slack: true });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const logger = await createLogger(config);
const searchers = searcherProvider();
// Reloads only start once the corpus is watched, well after the metrics below exist.
let metrics: Metrics = noMetrics;
// How long no request has been answered: the app's figure, once it exists (the corpus is opened before it).
let quietForMs = () => Number.POSITIVE_INFINITY;
// The corpus (or its snapshot) is read first, so the disk works while Bolt, prom-client and the
// database drivers load below; the first load may come from the snapshot, later changes are picked up live.
const corpus = liveKnowledge(config.corpusDirs, {
  cacheDir: config.cacheDir,
  logger,
  metrics: {
    reloaded: (outcome, seconds) => metrics.reloaded(outcome, seconds),
    compacted: (seconds) => metrics.compacted(seconds),
    liveIndexSize: (size) => metrics.liveIndexSize(size),
  },
  onIndex: (index) => searchers.set(index),
  compactAt: config.liveIndex.compactAt,
  rebuildAboveFiles: config.liveIndex.rebuildAboveFiles,
  quietForMs: () => quietForMs(),
});
const [
  { createKaesongApp },
  { BotTokenRejected },
  { createDigestService },
  { StoreError },
  { prometheusMetrics },
  { observedFetch },
  { followDesk },
] = await Promise.all([
  import('./app.ts'),
  import('./slack/initialise-app.ts'),
  import('./digest/digest-service.ts'),
  import('./store/store.ts'),
  import('./metrics/prometheus-metrics.ts'),
  import('./metrics/observed-fetch.ts'),
  import('./desk/follow-desk.ts'),
]);
// One registry for the process, fed by the adapters and served on /metrics.
const prometheus = prometheusMetrics({
  records: () => searchers.current()?.size ?? null,
  known: { commands: config.slack === null ? [] : [config.slack.slashCommand] },
});
metrics = prometheus;
let digest: DigestService;
try {
  digest = await createDigestService(config, {
    searcher: () => searchers.current(),
    clock: systemClock,
    logger,
    metrics: prometheus,
    fetch: observedFetch(fetch, prometheus),
  });
} catch (error) {
  if (!(error instanceof StoreError)) throw error;
  // Through the logger: a JSON log pipeline gets a JSON line, and the password is redacted once more.
  logger.error(error.message);
  process.exit(1);
}
// Events added from Slack, by any replica: replayed from the store's log into this replica's timeline.
const follower = followDesk(digest.store, corpus, { logger });
const kaesong = createKaesongApp(config, {
  searchers,
  logger,
  metrics: prometheus,
  digest: digest.commands,
  desk: { store: digest.store, follower },
});
quietForMs = () => kaesong.quietForMs();

const SHUTDOWN_DEADLINE_MS = 9_000;
let stopping = false;
/**
 * SIGTERM/SIGINT: stop taking requests, let replies and a digest post in flight finish, close the
 * database, exit 0; a deadline keeps a hung call from holding the process past ~10 s.
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: stopping; finishing replies and digest posts in flight`);
  const corpusClosed = corpus.close();
  setTimeout(() => {
    logger.warn(`${signal}: still busy after ${SHUTDOWN_DEADLINE_MS / 1000} s, exiting anyway`);
    process.exit(0);
  }, SHUTDOWN_DEADLINE_MS).unref();
  try {
    await Promise.all([kaesong.stop(SHUTDOWN_DEADLINE_MS - 1_000), digest.runner.stop(), follower.stop(), corpusClosed]);
    await digest.close();
    logger.info(`${signal}: stopped`);
    process.exit(0);
  } catch (error) {
    logger.error(`${signal}: stopping failed`, describeError(error));
    process.exit(1);
  }
}
// Before anything slow, so a SIGTERM during the corpus load still shuts down cleanly.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));

// Listen first: Slack gets "warming up" answers (and /healthz a 503) while the corpus loads.
try {
  await kaesong.start();
} catch (error) {
  if (!(error instanceof BotTokenRejected)) throw error;
  logger.error(error.message);
  process.exit(1);
}
// Ticks every 30 s; the first tick is the start-up catch-up, and it waits for the corpus.
digest.runner.start();
// Catches up from the start of the log (awaiting the corpus), then follows what other replicas save.
follower.start().catch((error: unknown) => logger.warn('desk: could not start following the change log', describeError(error)));
await corpus.ready;
