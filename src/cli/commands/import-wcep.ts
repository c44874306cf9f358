import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliCommand } from '../command.ts';
import { UsageError } from '../command.ts';
import type { CorpusRecord } from '../../model/record.ts';
import { toJsonl } from '../../corpus/to-jsonl.ts';
import { parseOptions } from '../parse-options.ts';
import { plural, readCorpus } from './corpus-progress.ts';

export const importWcepCommand: CliCommand = {
  path: ['import', 'wcep'],
  usage: 'import wcep <DIR> --out <DIR>',
  summary: 'convert WCEP daily YAML into JSON Lines, one file per year',
  async run(args, context) {
    const { values, words } = parseOptions(args, { out: 'string' }, { min: 1, max: 1, what: 'one WCEP folder and --out <DIR>' });
    if (values.out === undefined) throw new UsageError('give one WCEP folder and --out <DIR>');
    const { records, problems, files } = await readCorpus(words, context, context.err);

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
