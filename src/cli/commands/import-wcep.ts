import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { UsageError } from '../command.ts';
import type { CorpusRecord } from '../../model/record.ts';
import { loadCorpus } from '../../corpus/load-corpus.ts';
import { toJsonl } from '../../corpus/to-jsonl.ts';
import { formatProblem, plural, progressReporter } from './corpus-progress.ts';

export const importWcepCommand: CliCommand = {
  path: ['import', 'wcep'],
  usage: 'import wcep <DIR> --out <DIR>',
  summary: 'convert WCEP daily YAML into JSON Lines, one file per year',
  async run(args, context) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length !== 1 || values.out === undefined) throw new UsageError('give one WCEP folder and --out <DIR>');
    const progress = progressReporter(context);
    const { records, problems, files } = await loadCorpus(positionals, { onProgress: progress.onProgress });
    progress.done();
    for (const problem of problems) context.err(formatProblem(problem));

    const byYear = new Map<string, CorpusRecord[]>();
    for (const record of records) {
      if (record.origin.format !== 'wcep-daily' && record.origin.format !== 'wcep-rich') continue;
      const year = record.date?.slice(0, 4) ?? 'undated';
      const list = byYear.get(year);
      if (list === undefined) byYear.set(year, [record]);
      else list.push(record);
    }
    await mkdir(values.out, { recursive: true });
    for (const [year, yearRecords] of byYear) await writeFile(join(values.out, `wcep-${year}.jsonl`), toJsonl(yearRecords));
    const events = [...byYear.values()].reduce((sum, list) => sum + list.length, 0);
    context.err(
      `${plural(files, 'file')}, ${plural(events, 'event')} written to ${plural(byYear.size, 'file')} in ${values.out}, ` +
        `${problems.length} skipped, ${plural(problems.length, 'problem')}`,
    );
    return problems.length > 0 ? 1 : 0;
  },
};
