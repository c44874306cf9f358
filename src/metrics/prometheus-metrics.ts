import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DigestPostOutcome, Metrics, QueryKind, ReloadOutcome, RequestKind } from '../model/metrics.ts';

export interface PrometheusMetricsOptions {
  /** Records in the index of the moment; null while it is still loading. */
  records: () => number | null;
  /** Label values shown at 0 before anything happens, so a dashboard's rate() has a series from the start. */
  known?: { commands?: readonly string[] };
}

export interface PrometheusMetrics extends Metrics {
  /** The exposition text of every metric, process ones included, and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

const QUERY_KINDS: readonly QueryKind[] = ['words', 'words-and-date', 'timeline', 'on-this-day', 'did-you-mean'];
const REQUEST_KINDS: readonly RequestKind[] = ['command', 'action', 'event', 'other'];
const RELOAD_OUTCOMES: readonly ReloadOutcome[] = ['changed', 'unchanged', 'failed'];
const DIGEST_OUTCOMES: readonly DigestPostOutcome[] = ['posted', 'nothing-to-say', 'taken', 'cooling-down', 'failed'];

/**
 * Metrics in their own registry (never prom-client's global one, so two apps in one process, as in
 * the tests, do not collide), with Node's process metrics (memory, CPU, event loop lag, GC).
 */
export function prometheusMetrics(options: PrometheusMetricsOptions): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const queries = new Histogram({
    name: 'kaesong_query_duration_seconds',
    help: 'Time the index took to answer a query from Slack, by kind of query',
    labelNames: ['kind'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers,
  });
  const acks = new Histogram({
    name: 'kaesong_ack_duration_seconds',
    help: "Time from receiving a Slack request to acknowledging it (Slack's limit is 3 s), by request type",
    labelNames: ['type'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
    registers,
  });
  const commands = new Counter({
    name: 'kaesong_commands_total',
    help: 'Slash commands received',
    labelNames: ['command'] as const,
    registers,
  });
  const mentions = new Counter({ name: 'kaesong_mentions_total', help: 'Mentions of the bot received (app_mention events)', registers });
  const buttons = new Counter({
    name: 'kaesong_button_presses_total',
    help: 'Button presses received, by action',
    labelNames: ['action'] as const,
    registers,
  });
  const slackErrors = new Counter({
    name: 'kaesong_slack_api_errors_total',
    help: 'Failed Slack Web API calls and response_url posts, every attempt, by method and error code',
    labelNames: ['method', 'code'] as const,
    registers,
  });
  const reloads = new Counter({
    name: 'kaesong_reloads_total',
    help: 'Corpus reloads, by outcome',
    labelNames: ['outcome'] as const,
    registers,
  });
  const reloadSeconds = new Histogram({
    name: 'kaesong_reload_duration_seconds',
    help: 'Time a corpus reload took, from the file change to the index swapped in (or given up)',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers,
  });
  const compactionSeconds = new Histogram({
    name: 'kaesong_compaction_duration_seconds',
    help: 'Time a compaction took, from its start to the new base swapped in (the build runs in a child process)',
    buckets: [1, 2.5, 5, 10, 20, 30, 60, 120, 300],
    registers,
  });
  const deltaRecords = new Gauge({
    name: 'kaesong_index_delta_records',
    help: 'Records added or changed since the base index was built, not yet compacted',
    registers,
  });
  const tombstones = new Gauge({
    name: 'kaesong_index_tombstones',
    help: 'Base records hidden (removed or replaced) since the base index was built, not yet compacted',
    registers,
  });
  let hasDelta = false;
  const digestPosts = new Counter({
    name: 'kaesong_digest_posts_total',
    help: 'Daily digest runs per channel-day, by outcome',
    labelNames: ['outcome'] as const,
    registers,
  });
  new Gauge({
    name: 'kaesong_records',
    help: 'Records in the index answering queries (0 while warming up)',
    registers,
    collect() {
      this.set(options.records() ?? 0);
    },
  });
  new Gauge({
    name: 'kaesong_index_segments',
    help: 'Index segments answering queries: the base, plus the delta when there are changes not yet compacted; 0 while warming up',
    registers,
    collect() {
      this.set(options.records() === null ? 0 : hasDelta ? 2 : 1);
    },
  });

  for (const kind of QUERY_KINDS) queries.zero({ kind });
  for (const type of REQUEST_KINDS) acks.zero({ type });
  for (const command of options.known?.commands ?? []) commands.inc({ command }, 0);
  for (const outcome of RELOAD_OUTCOMES) reloads.inc({ outcome }, 0);
  for (const outcome of DIGEST_OUTCOMES) digestPosts.inc({ outcome }, 0);

  return {
    queryAnswered: (kind, seconds) => queries.observe({ kind }, seconds),
    acked: (type, seconds) => acks.observe({ type }, seconds),
    commandReceived: (command) => commands.inc({ command }),
    mentionReceived: () => mentions.inc(),
    buttonPressed: (action) => buttons.inc({ action }),
    slackApiFailed: (method, code) => slackErrors.inc({ method, code }),
    reloaded(outcome, seconds) {
      reloads.inc({ outcome });
      reloadSeconds.observe(seconds);
    },
    compacted: (seconds) => compactionSeconds.observe(seconds),
    liveIndexSize(size) {
      deltaRecords.set(size.deltaRecords);
      tombstones.set(size.tombstones);
      hasDelta = size.deltaRecords + size.tombstones > 0;
    },
    digestPost: (outcome) => digestPosts.inc({ outcome }),
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
