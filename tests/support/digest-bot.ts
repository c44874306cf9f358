import { createKaesongApp, type KaesongApp } from '../../src/app.ts';
import type { Config } from '../../src/config/config.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createDigestService, type DigestService } from '../../src/digest/digest-service.ts';
import type { Clock } from '../../src/model/clock.ts';
import { silentLogger } from '../../src/model/logger.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { searcherProvider } from '../../src/slack/searcher-provider.ts';

export interface DigestBot {
  app: KaesongApp;
  digest: DigestService;
  /** The URL Slack posts commands and events to. */
  events: string;
}

/** The config main.ts reads for the bot in HTTP mode with a SQLite store and the daily digest at 08:30 in Seoul. */
export function digestBotConfig(env: { botToken: string; secret: string; apiUrl: string; corpusDir: string; database: string }): Config {
  return loadConfig(
    {
      SLACK_BOT_TOKEN: env.botToken,
      SLACK_SIGNING_SECRET: env.secret,
      PORT: '0',
      SLACK_API_URL: env.apiUrl,
      CORPUS_DIR: env.corpusDir,
      DATABASE_URL: `sqlite:${env.database}`,
      DIGEST_TIME: '08:30',
      DIGEST_TZ: 'Asia/Seoul',
    },
    { slack: true },
  );
}

/** The bot as main.ts runs it: store and digest commands, and the Bolt app listening on a free port (the scheduler not started). */
export async function startDigestBot(config: Config, deps: { searcher: Searcher; clock: Clock; replicaId: string }): Promise<DigestBot> {
  const { searcher, clock, replicaId } = deps;
  const digest = await createDigestService(config, { searcher: () => searcher, clock, logger: silentLogger, replicaId });
  const app = createKaesongApp(config, {
    searchers: searcherProvider(searcher),
    clock,
    digest: digest.commands,
    botUserId: 'UBOT',
    botId: 'BBOT',
  });
  const { port } = await app.start();
  return { app, digest, events: `http://127.0.0.1:${port}/slack/events` };
}
