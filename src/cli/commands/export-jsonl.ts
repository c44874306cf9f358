import { writeFile } from 'node:fs/promises';
import type { CliCommand } from '../command.ts';
import { UsageError } from '../command.ts';
import { loadConfig } from '../../config/load-config.ts';
import { toJsonl } from '../../corpus/to-jsonl.ts';
import { parseOptions } from '../parse-options.ts';
import { plural, readCorpus } from './corpus-progress.ts';

export const exportJsonlCommand: CliCommand = {
  path: ['export', 'jsonl'],
  usage: 'export jsonl [--corpus DIR]… --out FILE',
  summary: 'write the whole merged corpus as JSON Lines (--out - for stdout)',
  async run(args, context) {
    const { values } = parseOptions(args, { corpus: 'strings', out: 'string' }, { max: 0 });
    if (values.out === undefined) throw new UsageError('--out FILE is required');
    const dirs = values.corpus ?? loadConfig(context.env, { slack: false }).corpusDirs;
    const { records, problems, files } = await readCorpus(dirs, context, context.err);
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
