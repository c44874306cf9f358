import { parseArgs } from 'node:util';
import { UsageError } from './command.ts';

export interface CorpusQueryOptions {
  words: string[];
  corpus: string[] | null;
  limit: number;
  json: boolean;
}

/** `[--corpus DIR]… [--limit N] [--json]` and the words around them, as `search` and `related` take them. */
export function parseCorpusQueryOptions(args: string[], maxLimit: number): CorpusQueryOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { corpus: { type: 'string', multiple: true }, limit: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
  });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) throw new UsageError(`--limit must be a whole number from 1 to ${maxLimit}; got "${values.limit}"`);
  return { words: positionals, corpus: values.corpus ?? null, limit, json: values.json };
}
