import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { UsageError } from '../command.ts';
import { loadConfig } from '../../config/load-config.ts';
import { consoleLogger } from '../../log/console-logger.ts';
import { openKnowledge } from '../../knowledge/open-knowledge.ts';
import { parseQuery, describeQuery } from '../../query/parse-query.ts';
import { searchJson } from '../search-json.ts';
import { formatPage } from '../format-text.ts';

export const searchCommand: CliCommand = {
  path: ['search'],
  usage: 'search "<query>" [--corpus DIR]… [--limit N] [--json]',
  summary: 'search the corpus as /kaesong would',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { corpus: { type: 'string', multiple: true }, limit: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
    });
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000; got "${values.limit}"`);
    const text = positionals.join(' ');
    const config = loadConfig(context.env, { slack: false });
    const logger = consoleLogger(values.json ? 'error' : 'warn');
    const started = performance.now();
    const { index } = await openKnowledge(values.corpus ?? config.corpusDirs, { cacheDir: config.cacheDir, logger });
    const loaded = performance.now();
    const query = parseQuery(text, { now: new Date(), timeZone: config.digest.timeZone });
    const page = index.search(query, { limit });
    const answered = performance.now();
    if (values.json) {
      context.out(JSON.stringify(searchJson(page), null, 2));
    } else {
      context.out(formatPage(page, describeQuery(query)));
      context.err(`loaded ${index.size} records in ${ms(loaded - started)}, answered in ${ms(answered - loaded)}`);
    }
    return 0;
  },
};

function ms(milliseconds: number): string {
  return milliseconds >= 1000 ? `${(milliseconds / 1000).toFixed(1)} s` : `${milliseconds.toFixed(1)} ms`;
}
