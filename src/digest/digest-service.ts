import { hostname } from 'node:os';
import type { Config } from '../config/config.ts';
import type { Clock } from '../model/clock.ts';
import type { Logger } from '../model/logger.ts';
import type { Metrics } from '../model/metrics.ts';
import type { Searcher } from '../search/searcher.ts';
import type { DigestCommandPort } from './digest-port.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { createDigestCommands } from './digest-commands.ts';
import { createDigestRunner, type DigestRunner, type Publish } from './digest-runner.ts';
import { slackPublisher } from './slack-publisher.ts';

export interface DigestService {
  store: Store;
  commands: DigestCommandPort;
  runner: DigestRunner;
  /** Stops the scheduler and closes the store. */
  close(): Promise<void>;
}

export interface DigestServiceDeps {
  searcher: () => Searcher | null;
  clock: Clock;
  logger: Logger;
  /** Defaults to chat.postMessage at config.slack.apiUrl with the bot token. */
  publish?: Publish;
  replicaId?: string;
  /** An already open store (tests); opened from config.databaseUrl otherwise. */
  store?: Store;
  metrics?: Pick<Metrics, 'digestPost'>;
  /** The default publisher's fetch (main.ts passes one that counts failed Slack calls). */
  fetch?: typeof fetch;
}

/** Opens the store (migrating it) and wires the digest's slash commands and scheduler. */
export async function createDigestService(config: Config, deps: DigestServiceDeps): Promise<DigestService> {
  const store = deps.store ?? (await openStore(config.databaseUrl));
  const slashCommand = config.slack?.slashCommand ?? '/kaesong';
  const publish =
    deps.publish ??
    (config.slack === null
      ? async () => {
          throw new Error('no SLACK_BOT_TOKEN configured');
        }
      : slackPublisher({
          botToken: config.slack.botToken,
          apiUrl: config.slack.apiUrl,
          ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
        }));
  const runner = createDigestRunner({
    store,
    searcher: deps.searcher,
    publish,
    clock: deps.clock,
    logger: deps.logger,
    replicaId: deps.replicaId ?? `${hostname()}:${process.pid}`,
    slashCommand,
    ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
  });
  const commands = createDigestCommands({
    store,
    searcher: deps.searcher,
    clock: deps.clock,
    defaults: config.digest,
    slashCommand,
    announce: async (channel, message) => void (await publish({ channel, ...message, unfurl_links: false, unfurl_media: false })),
  });
  return {
    store,
    commands,
    runner,
    async close() {
      await runner.stop();
      await store.close();
    },
  };
}
