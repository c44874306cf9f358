import 'dotenv/config';
import { loadConfig } from './config/load-config.ts';
import { ConfigError, type Config } from './config/config.ts';
import { consoleLogger } from './log/console-logger.ts';
import { createKaesongApp, loadSearcher } from './app.ts';
import { searcherProvider } from './slack/searcher-provider.ts';
import { createDigestService, type DigestService } from './digest/digest-service.ts';
import { StoreError } from './store/store.ts';
import { systemClock } from './model/clock.ts';

let config: Config;
try {
  config = loadConfig(process.env, { slack: true });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const logger = consoleLogger(config.logLevel);
const searchers = searcherProvider();
let digest: DigestService;
try {
  digest = await createDigestService(config, { searcher: () => searchers.current(), clock: systemClock, logger });
} catch (error) {
  if (!(error instanceof StoreError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const kaesong = createKaesongApp(config, { searchers, logger, digest: digest.commands });
// Listen first: Slack gets "warming up" answers (and /healthz a 503) while the corpus loads.
await kaesong.start();
// Ticks every 30 s; the first tick is the start-up catch-up, and it waits for the corpus.
digest.runner.start();
searchers.set(await loadSearcher(config.corpusDirs, logger));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info(`${signal}: stopping`);
    digest
      .close()
      .then(() => kaesong.stop())
      .finally(() => process.exit(0));
  });
}
