import type { CliCommand } from '../command.ts';
import { parseCorpusQueryOptions } from '../corpus-query-options.ts';
import { loadConfig } from '../../config/load-config.ts';
import { consoleLogger } from '../../log/console-logger.ts';
import { openCorpus } from '../open-corpus.ts';
import { parseQuery, describeQuery } from '../../query/parse-query.ts';
import { searchJson } from '../search-json.ts';
import { formatPage } from '../format-text.ts';

export const searchCommand: CliCommand = {
  path: ['search'],
  usage: 'search "<query>" [--corpus DIR]… [--limit N] [--json]',
  summary: 'search the corpus as /kaesong would',
  async run(args, context) {
    const { words, corpus, limit, json } = parseCorpusQueryOptions(args, 1000);
    const text = words.join(' ');
    const config = loadConfig(context.env, { slack: false });
    const logger = consoleLogger(json ? 'error' : 'warn');
    const started = performance.now();
    const { index } = await openCorpus(config, corpus, logger);
    const loaded = performance.now();
    const query = parseQuery(text, { now: new Date(), timeZone: config.digest.timeZone });
    const page = index.search(query, { limit });
    const answered = performance.now();
    if (json) {
      context.out(JSON.stringify(searchJson(page), null, 2));
    } else {
      context.out(formatPage(page, describeQuery(query, page.corrections)));
      context.err(`loaded ${index.size} records in ${ms(loaded - started)}, answered in ${ms(answered - loaded)}`);
    }
    return 0;
  },
};

function ms(milliseconds: number): string {
  return milliseconds >= 1000 ? `${(milliseconds / 1000).toFixed(1)} s` : `${milliseconds.toFixed(1)} ms`;
}
