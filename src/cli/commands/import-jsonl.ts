import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CliCommand } from '../command.ts';
import { loadConfig } from '../../config/load-config.ts';
import { parseJsonl } from '../../corpus/parse-jsonl.ts';
import { toJsonl } from '../../corpus/to-jsonl.ts';
import { parseOptions } from '../parse-options.ts';
import { formatProblem, plural } from './corpus-progress.ts';

export const importJsonlCommand: CliCommand = {
  path: ['import', 'jsonl'],
  usage: 'import jsonl <FILE> [--out DIR]',
  summary: 'validate JSON Lines and copy the good lines into the corpus',
  async run(args, context) {
    const { values, words } = parseOptions(args, { out: 'string' }, { min: 1, max: 1, what: 'one .jsonl file' });
    const file = words[0]!;
    const out = values.out ?? loadConfig(context.env, { slack: false }).corpusDirs[0] ?? 'corpus';
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      context.err(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return 1;
    }
    const { records, problems } = parseJsonl(text, file);
    for (const problem of problems) context.err(formatProblem(problem));
    const target = join(out, `${basename(file).replace(/\.jsonl$/i, '')}.jsonl`);
    await mkdir(out, { recursive: true });
    await writeFile(target, toJsonl(records));
    context.err(
      `1 file, ${plural(records.length, 'record')} written to ${target}, ${problems.length} skipped, ${plural(problems.length, 'problem')}`,
    );
    return problems.length > 0 ? 1 : 0;
  },
};
