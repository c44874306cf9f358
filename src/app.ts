import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import type { Config, SlackConfig } from './config/config.ts';
import { ConfigError } from './config/config.ts';
import { systemClock, type Clock } from './model/clock.ts';
import { silentLogger, type Logger } from './model/logger.ts';
import { boltLogger } from './slack/bolt-logger.ts';
import type { DigestCommandPort } from './digest/digest-port.ts';
import { EventDedupe } from './slack/event-dedupe.ts';
import { RecentReplies } from './slack/recent-replies.ts';
import { skipRedeliveries } from './slack/redelivery.ts';
import { UserChannels } from './slack/user-channels.ts';
import { registerListeners } from './slack/listeners/index.ts';
import type { SearcherProvider } from './slack/searcher-provider.ts';
import { describeError } from './model/describe-error.ts';
import { initialiseWithRetry } from './slack/initialise-app.ts';
import { SLACK_CLIENT_TUNING, timedFetch, type SlackClientTuning } from './slack/client-options.ts';
import { inFlightWork } from './slack/in-flight.ts';
import { ACTION } from './block-kit/buttons.ts';
import { noMetrics } from './model/metrics.ts';
import type { PrometheusMetrics } from './metrics/prometheus-metrics.ts';
import { countRequests } from './metrics/count-requests.ts';
import { timeAcks } from './metrics/time-acks.ts';
import { observedFetch } from './metrics/observed-fetch.ts';
import { timedSearchers } from './metrics/timed-searchers.ts';
import { metricsRoute } from './metrics/metrics-route.ts';
import { startMetricsServer, type MetricsServer } from './metrics/metrics-server.ts';
import type { Store } from './store/store.ts';
import type { DeskFollower } from './desk/follow-desk.ts';
import { deskService } from './desk/desk-service.ts';
import { editorsFrom } from './desk/editors.ts';
import { usergroupMembers } from './slack/usergroup-members.ts';

export interface KaesongAppDeps {
  searchers: SearcherProvider;
  clock?: Clock;
  logger?: Logger;
  digest?: DigestCommandPort;
  /** Skip `auth.test` at start-up when the bot's ids are already known (tests). */
  botUserId?: string;
  botId?: string;
  /** Shorter timeouts and retries (tests); SLACK_CLIENT_TUNING otherwise. */
  slackClient?: SlackClientTuning;
  /** Served on `/metrics` (HTTP mode, and METRICS_PORT) and fed by the listeners; nothing is measured without it. */
  metrics?: PrometheusMetrics;
  /** "Add to timeline": the store desk events live in and this replica's follower of its log. */
  desk?: { store: Store; follower: DeskFollower };
}

export interface KaesongApp {
  app: App;
  /** Listening: HTTP mode resolves with the bound port (useful with PORT=0), Socket Mode with null. */
  start(): Promise<{ port: number | null; metricsPort?: number }>;
  /**
   * Stops taking requests, then waits up to `graceMs` for replies already in flight (a mention being
   * answered, a warm-up command waiting for the index). Resolves false if some were still running.
   */
  stop(graceMs?: number): Promise<boolean>;
  /** How long no request has been answered (0 while a listener is still running). */
  quietForMs(): number;
}

/**
 * Wiring only: a Bolt app in Socket Mode when an app token is configured, otherwise HTTP on
 * `/slack/events` (plus `GET /healthz`), with every listener registered against `deps`.
 */
export function createKaesongApp(config: Config, deps: KaesongAppDeps): KaesongApp {
  const slack = config.slack;
  if (slack === null) throw new ConfigError('SLACK_BOT_TOKEN', 'is not set');
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? noMetrics;
  const { maxRetryAfterSec, ...tuning } = { ...SLACK_CLIENT_TUNING, ...deps.slackClient };
  const app = new App({
    ...receiverOptions(slack, deps.searchers, deps.metrics),
    token: slack.botToken,
    // The token check runs in start(), retried, instead of in this constructor, where a Slack outage crashed the process.
    deferInitialization: true,
    ...(deps.botUserId === undefined ? {} : { botUserId: deps.botUserId }),
    ...(deps.botId === undefined ? {} : { botId: deps.botId }),
    logger: boltLogger(logger, boltLevel(config.logLevel)),
    clientOptions: {
      ...tuning,
      fetch: observedFetch(timedFetch(tuning.timeout ?? SLACK_CLIENT_TUNING.timeout, maxRetryAfterSec), metrics),
      ...(slack.apiUrl === null ? {} : { slackApiUrl: slack.apiUrl }),
    },
  });
  const inFlight = inFlightWork();
  const dedupe = new EventDedupe(10_000);
  let listening = false;
  let metricsServer: MetricsServer | null = null;
  app.processEvent = timeAcks(app.processEvent.bind(app), metrics);
  app.use(async ({ next }) => inFlight.track(next));
  app.use(skipRedeliveries(dedupe, logger));
  app.use(countRequests(metrics, { command: slack.slashCommand, actions: Object.values(ACTION) }));
  app.error(async (error) => {
    logger.error('unhandled error in a listener', describeError(error));
  });
  const clock = deps.clock ?? systemClock;
  registerListeners(app, {
    searchers: deps.metrics === undefined ? deps.searchers : timedSearchers(deps.searchers, metrics),
    clock,
    logger,
    command: slack.slashCommand,
    timeZone: config.digest.timeZone,
    dedupe,
    replies: new RecentReplies(10_000),
    userChannels: new UserChannels(() => clock.now().getTime()),
    ...(deps.digest === undefined ? {} : { digest: deps.digest }),
    ...(deps.desk === undefined
      ? {}
      : {
          desk: deskService({
            ...deps.desk,
            editors: editorsFrom(config.desk.editors, { groupMembers: usergroupMembers(app.client), clock, logger }),
            adding: config.desk.adding,
            searcher: () => deps.searchers.current(),
            clock,
          }),
        }),
  });
  return {
    app,
    async start() {
      // Before the token check, which retries through a Slack outage: the process is watchable meanwhile.
      if (config.metricsPort !== null) {
        metricsServer = await startMetricsServer(config.metricsPort, {
          '/healthz': healthz(deps.searchers),
          ...(deps.metrics === undefined ? {} : { '/metrics': metricsRoute(deps.metrics) }),
        });
        logger.info(`serving /metrics and /healthz on http://localhost:${metricsServer.port}`);
      }
      const metricsPort = metricsServer === null ? {} : { metricsPort: metricsServer.port };
      await initialiseWithRetry(app, logger);
      if (slack.appToken !== null) {
        await app.start();
        listening = true;
        logger.info('connected to Slack in Socket Mode');
        return { port: null, ...metricsPort };
      }
      const server = (await app.start(slack.port)) as { address(): AddressInfo | string | null };
      listening = true;
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : slack.port;
      logger.info(`listening for Slack on http://localhost:${port}/slack/events`);
      return { port, ...metricsPort };
    },
    async stop(graceMs = 8_000) {
      // Stopped while still waiting for Slack at start-up: there is no receiver to stop yet.
      if (listening) await app.stop();
      await metricsServer?.close();
      metricsServer = null;
      const finished = await inFlight.drained(graceMs);
      if (!finished) logger.warn(`stopping with ${inFlight.size} ${inFlight.size === 1 ? 'reply' : 'replies'} still in flight`);
      return finished;
    },
    quietForMs: () => inFlight.quietForMs(),
  };
}

function receiverOptions(slack: SlackConfig, searchers: SearcherProvider, metrics: PrometheusMetrics | undefined) {
  if (slack.appToken !== null) return { socketMode: true, appToken: slack.appToken };
  return {
    signingSecret: slack.signingSecret ?? '',
    port: slack.port,
    customRoutes: [
      { path: '/healthz', method: ['GET'], handler: healthz(searchers) },
      ...(metrics === undefined ? [] : [{ path: '/metrics', method: ['GET'], handler: metricsRoute(metrics) }]),
    ],
  };
}

function healthz(searchers: SearcherProvider) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    const searcher = searchers.current();
    const [status, body] = searcher === null ? [503, { status: 'warming up' }] : [200, { status: 'ok', records: searcher.size }];
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

function boltLevel(level: Config['logLevel']): LogLevel {
  return { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR }[level];
}
