import { describe, expect, it } from 'vitest';
import { asksForHelp, parseOptions } from '../../src/cli/parse-options.ts';

const KINDS = { corpus: 'strings', limit: 'string', json: 'boolean' } as const;

describe('parseOptions', () => {
  it('reads values, repeated values and flags, keeping the words in order', () => {
    expect(parseOptions(['kaesong', '--corpus', 'a', '--limit=3', '2013', '--corpus=b', '--json'], KINDS)).toEqual({
      values: { corpus: ['a', 'b'], limit: '3', json: true },
      words: ['kaesong', '2013'],
    });
  });

  it('keeps a one-dash word as a word, and everything after -- as words', () => {
    expect(parseOptions(['kaesong', '-nuclear', '--', '--json'], KINDS)).toEqual({ values: {}, words: ['kaesong', '-nuclear', '--json'] });
  });

  it('says in one line what is wrong', () => {
    expect(() => parseOptions(['--verbose'], KINDS)).toThrow('unknown option --verbose');
    expect(() => parseOptions(['--limit', '--json'], KINDS)).toThrow('--limit needs a value');
    expect(() => parseOptions(['--json=no'], KINDS)).toThrow('--json takes no value');
    expect(() => parseOptions([], KINDS, { min: 1, what: 'one .jsonl file' })).toThrow('give one .jsonl file');
    expect(() => parseOptions(['a', 'b'], KINDS, { max: 1 })).toThrow('unexpected argument "b"');
  });
});

describe('asksForHelp', () => {
  it('finds --help or -h before --, and only there', () => {
    expect([asksForHelp(['x', '--help']), asksForHelp(['-h']), asksForHelp(['--', '--help']), asksForHelp(['help'])]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
