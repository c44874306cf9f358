import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFile, parseFileBytes } from '../../src/corpus/parse-file.ts';

/** Lines and bytes a JSON Lines file may hold, good and bad. */
const PIECES: readonly Buffer[] = [
  '{"title":"Talks resume.","date":"2013-08-07"}',
  '{"title":"Jiří Kim meets Park Geun-hye","date":"2013-08-07","contexts":["Kaesong"]}',
  '{"id":"news/2013/08/7/x","title":"Repeated id","date":"2013-08-07"}',
  '{"kind":"article","title":"Background\\u00e9"}',
  '{"title":"Bad date","date":"2013-8-7"}',
  'not json',
  '  \u00a0{"title":"Spaces round it","date":"2013-08-08"}\u00a0 ',
  '\ufeff',
  '\r',
  '',
  '\u0000',
  '\ufffd',
].map((text) => Buffer.from(text, 'utf8'));
const BAD_UTF8: readonly Buffer[] = [Buffer.from([0xe2, 0x82]), Buffer.from([0xff]), Buffer.from([0xc3])];

describe('parseFileBytes', () => {
  it('parses JSON Lines bytes exactly as the text readFileSync would decode them', () => {
    const piece = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_UTF8) });
    const line = fc.array(piece, { minLength: 1, maxLength: 3 }).map((parts) => Buffer.concat(parts));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.boolean(), (lines, trailingNewline) => {
        const newline = Buffer.from('\n');
        const bytes = Buffer.concat([...lines.flatMap((l) => [l, newline]).slice(0, -1), ...(trailingNewline ? [newline] : [])]);
        expect(parseFileBytes('x.jsonl', bytes)).toEqual(parseFile('x.jsonl', bytes.toString('utf8')));
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps the accents and line numbers of a file whose lines are part ASCII, part not', () => {
    const bytes = Buffer.from('\ufeff{"title":"Seoul talks","date":"2013-08-07"}\r\n\n{"title":"Jiří Kim","date":"2013-08-08"}\n', 'utf8');
    const { records, problems } = parseFileBytes('x.jsonl', bytes);
    expect(problems).toEqual([]);
    expect(records.map(({ id, title, origin }) => [id, title, origin.line])).toEqual([
      ['news/2013/08/7/seoul-talks', 'Seoul talks', 1],
      ['news/2013/08/8/jiri-kim', 'Jiří Kim', 3],
    ]);
  });
});
