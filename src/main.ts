import 'dotenv/config';
import { loadConfig } from './config/load-config.ts';
import { ConfigError, type Config } from './config/config.ts';
import { consoleLogger } from './log/console-logger.ts';
import { createKaesongApp, loadSearcher } from './app.ts';
import { searcherProvider } from './slack/searcher-provider.ts';

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
const kaesong = createKaesongApp(config, { searchers, logger });
// Listen first: Slack gets "warming up" answers (and /healthz a 503) while the corpus loads.
await kaesong.start();
searchers.set(await loadSearcher(config.corpusDirs, logger));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info(`${signal}: stopping`);
    kaesong.stop().finally(() => process.exit(0));
  });
}
