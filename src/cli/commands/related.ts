import type { CliCommand } from '../command.ts';
import { parseCorpusQueryOptions } from '../corpus-query-options.ts';
import { openCorpus } from '../open-corpus.ts';

const EXAMPLE_ID = 'news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks-on-reopening-the-kaesong-industrial-zone';

export const relatedCommand: CliCommand = {
  path: ['related'],
  usage: 'related <id> [--corpus DIR]… [--limit N] [--json]',
  summary: 'events related to one event',
  async run(args, context) {
    const { words, corpus, limit, json } = parseCorpusQueryOptions(args, 100, { max: 1, what: `the event's id, e.g. ${EXAMPLE_ID}` });
    const id = words[0]!.replace(/^\//, '').replace(/\.md$/, '');
    const { index } = (await openCorpus(context, corpus, { quiet: json })).knowledge;
    const record = index.get(id);
    if (record === undefined) {
      context.err(`No event with id ${id} in the corpus.`);
      return 1;
    }
    const related = index.related(id, limit);
    if (json) {
      context.out(JSON.stringify({ id, title: record.title, date: record.date, related }, null, 2));
    } else {
      context.out(`${record.date ?? 'undated'}  ${record.title}`);
      for (const event of related) context.out(`  ${event.date ?? 'undated'}  ${event.title}  (${event.reason})`);
      if (related.length === 0) context.out('  no related events found');
    }
    return 0;
  },
};
