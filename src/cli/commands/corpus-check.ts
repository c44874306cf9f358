import type { CliCommand } from '../command.ts';
import { loadConfig } from '../../config/load-config.ts';
import { parseOptions } from '../parse-options.ts';
import { plural, readCorpus } from './corpus-progress.ts';

export const corpusCheckCommand: CliCommand = {
  path: ['corpus', 'check'],
  usage: 'corpus check [DIR…]',
  summary: 'list every corpus problem as file:line: reason; exit 1 if any',
  async run(args, context) {
    const { words } = parseOptions(args, {});
    const dirs = words.length > 0 ? words : loadConfig(context.env, { slack: false }).corpusDirs;
    const { records, problems, files } = await readCorpus(dirs, context, context.out);
    const events = records.filter((record) => record.kind === 'event' && !record.stub).length;
    const stubs = records.filter((record) => record.stub).length;
    const articles = records.filter((record) => record.kind === 'article').length;
    context.out(
      `${dirs.join(', ')}: ${plural(files, 'file')}, ${plural(events, 'event')}, ${plural(stubs, 'linked-only event')}, ` +
        `${plural(articles, 'article')}, ${plural(problems.length, 'problem')}`,
    );
    return problems.length > 0 ? 1 : 0;
  },
};
