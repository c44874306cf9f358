import { UsageError } from './command.ts';
import { parseOptions } from './parse-options.ts';

interface CorpusQueryOptions {
  words: string[];
  corpus: string[] | null;
  limit: number;
  json: boolean;
}

/** `[--corpus DIR]… [--limit N] [--json]` and the words around them, as `search` and `related` take them. */
export function parseCorpusQueryOptions(args: string[], maxLimit: number, words: { max?: number; what: string }): CorpusQueryOptions {
  const { values, words: given } = parseOptions(args, { corpus: 'strings', limit: 'string', json: 'boolean' }, { min: 1, ...words });
  const limit = Number(values.limit ?? '5');
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    throw new UsageError(`--limit must be a whole number from 1 to ${maxLimit}; got "${values.limit}"`);
  return { words: given, corpus: values.corpus ?? null, limit, json: values.json ?? false };
}
