import type { CliCommand } from '../command.ts';
import { parseCorpusQueryOptions } from '../corpus-query-options.ts';
import { openCorpus } from '../open-corpus.ts';
import { parseQuery, describeQuery } from '../../query/parse-query.ts';
import { searchJson } from '../search-json.ts';
import { formatPage } from '../format-text.ts';

export const searchCommand: CliCommand = {
  path: ['search'],
  usage: 'search "<query>" [--corpus DIR]… [--limit N] [--json]',
  summary: 'search the corpus as /kaesong would',
  async run(args, context) {
    const { words, corpus, limit, json } = parseCorpusQueryOptions(args, 1000, { what: 'the words to search for, e.g. "kaesong 2013"' });
    const started = performance.now();
    const { config, knowledge } = await openCorpus(context, corpus, { quiet: json });
    const { index } = knowledge;
    const loaded = performance.now();
    const query = parseQuery(words.join(' '), { now: new Date(), timeZone: config.digest.timeZone });
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
