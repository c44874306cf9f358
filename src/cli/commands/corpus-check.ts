import type { CliCommand } from '../command.ts';
import { loadConfig } from '../../config/load-config.ts';
import { loadCorpus } from '../../corpus/load-corpus.ts';
import { formatProblem, plural, progressReporter } from './corpus-progress.ts';

export const corpusCheckCommand: CliCommand = {
  path: ['corpus', 'check'],
  usage: 'corpus check [DIR…]',
  summary: 'list every corpus problem as file:line: reason; exit 1 if any',
  async run(args, context) {
    const dirs = args.length > 0 ? args : loadConfig(context.env, { slack: false }).corpusDirs;
    const progress = progressReporter(context);
    const { records, problems, files } = await loadCorpus(dirs, { onProgress: progress.onProgress });
    progress.done();
    for (const problem of problems) context.out(formatProblem(problem));
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
