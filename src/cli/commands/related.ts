import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { UsageError } from '../command.ts';
import { loadConfig } from '../../config/load-config.ts';
import { consoleLogger } from '../../log/console-logger.ts';
import { openKnowledge } from '../../knowledge/open-knowledge.ts';

export const relatedCommand: CliCommand = {
  path: ['related'],
  usage: 'related <id> [--corpus DIR]… [--limit N] [--json]',
  summary: 'events related to one event',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { corpus: { type: 'string', multiple: true }, limit: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
    });
    const id = positionals[0]?.replace(/^\//, '').replace(/\.md$/, '');
    if (id === undefined) throw new UsageError('Which event? Give its id, e.g. news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks-on-reopening-the-kaesong-industrial-zone');
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError(`--limit must be a whole number from 1 to 100; got "${values.limit}"`);
    const config = loadConfig(context.env, { slack: false });
    const { index } = await openKnowledge(values.corpus ?? config.corpusDirs, { cacheDir: config.cacheDir, logger: consoleLogger(values.json ? 'error' : 'warn') });
    const record = index.get(id);
    if (record === undefined) {
      context.err(`No event with id ${id} in the corpus.`);
      return 1;
    }
    const related = index.related(id, limit);
    if (values.json) {
      context.out(JSON.stringify({ id, title: record.title, date: record.date, related }, null, 2));
    } else {
      context.out(`${record.date ?? 'undated'}  ${record.title}`);
      for (const event of related) context.out(`  ${event.date ?? 'undated'}  ${event.title}  (${event.reason})`);
      if (related.length === 0) context.out('  no related events found');
    }
    return 0;
  },
};
