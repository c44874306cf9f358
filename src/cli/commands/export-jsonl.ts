import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { UsageError } from '../command.ts';
import { loadConfig } from '../../config/load-config.ts';
import { loadCorpus } from '../../corpus/load-corpus.ts';
import { toJsonl } from '../../corpus/to-jsonl.ts';
import { formatProblem, plural, progressReporter } from './corpus-progress.ts';

export const exportJsonlCommand: CliCommand = {
  path: ['export', 'jsonl'],
  usage: 'export jsonl [--corpus DIR]… --out FILE',
  summary: 'write the whole merged corpus as JSON Lines (--out - for stdout)',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { corpus: { type: 'string', multiple: true }, out: { type: 'string' } } });
    if (values.out === undefined) throw new UsageError('--out FILE is required');
    const dirs = values.corpus ?? loadConfig(context.env, { slack: false }).corpusDirs;
    const progress = progressReporter(context);
    const { records, problems, files } = await loadCorpus(dirs, { onProgress: progress.onProgress });
    progress.done();
    for (const problem of problems) context.err(formatProblem(problem));
    const text = toJsonl(records);
    if (values.out === '-') context.out(text.trimEnd());
    else await writeFile(values.out, text);
    context.err(
      `${plural(files, 'file')}, ${plural(records.length, 'record')} written to ${values.out === '-' ? 'stdout' : values.out}, ` +
        `${problems.length} skipped, ${plural(problems.length, 'problem')}`,
    );
    return 0;
  },
};
