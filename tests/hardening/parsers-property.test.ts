import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseOutcome } from '../../src/model/record.ts';
import { detectFormat } from '../../src/corpus/detect-format.ts';
import { parseArticle } from '../../src/corpus/parse-article.ts';
import { parseEventPage } from '../../src/corpus/parse-event-page.ts';
import { parseFile } from '../../src/corpus/parse-file.ts';
import { parseJsonl } from '../../src/corpus/parse-jsonl.ts';
import { parseWcep } from '../../src/corpus/parse-wcep.ts';
import { normaliseSlackText } from '../../src/query/normalise-slack-text.ts';
import { parseQuery } from '../../src/query/parse-query.ts';

const now = new Date('2026-11-23T10:00:00Z');

const PARSERS: Array<[string, (text: string) => ParseOutcome]> = [
  ['parseEventPage', (text) => parseEventPage(text, 'x.md')],
  ['parseArticle', (text) => parseArticle(text, 'x.md')],
  ['parseWcep', (text) => parseWcep(text, 'x.yaml')],
  ['parseJsonl', (text) => parseJsonl(text, 'x.jsonl')],
  ['parseFile(.md)', (text) => parseFile('x.md', text)],
  ['parseFile(.yaml)', (text) => parseFile('x.yaml', text)],
  ['parseFile(.jsonl)', (text) => parseFile('x.jsonl', text)],
];

/** Either records or problems, each problem pointing at a line of the file. */
function expectWellFormed(outcome: ParseOutcome, text: string): void {
  expect(Array.isArray(outcome.records)).toBe(true);
  expect(Array.isArray(outcome.problems)).toBe(true);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const problem of outcome.problems) {
    expect(problem.file).toMatch(/^x\./);
    expect(problem.reason.length).toBeGreaterThan(0);
    expect(problem.line).toBeGreaterThanOrEqual(0);
    expect(problem.line).toBeLessThanOrEqual(lines + 1);
  }
  for (const record of outcome.records) {
    expect(record.id.length).toBeGreaterThan(0);
    if (record.date !== null) expect(record.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

/** Text that looks enough like the corpus formats to get past the first checks. */
const corpusish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '### [2013-04-08](/news/2013/04/8/kaesong-closed/index.md)',
        '# Kaesong closed',
        '### Source:',
        '### Related:',
        '1. [Yonhap](https://example.com/a)',
        '1. [Talks](/news/2013/08/14/talks.md) _Context: Kaesong, 2013_',
        '_Context: a, b_',
        '---',
        'title: "x"',
        'date: 2013-02-30',
        'date: 2013-04-08',
        'events:',
        '  - text: "Something [Reuters]"',
        '- "North Korea closes Kaesong (BBC)"',
        '{"id":"news/2013/04/8/x","kind":"event","date":"2013-04-08","title":"t","summary":"s"}',
        '{"id":',
        '',
      ),
      fc.string({ maxLength: 80 }),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));

const anyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  corpusish,
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

describe('corpus parsers on any input', () => {
  for (const [name, parse] of PARSERS) {
    it(`${name} returns records or problems for any string or byte sequence, never throws`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          expectWellFormed(parse(text), text);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('detectFormat names a format for any text and file name', () => {
    const formats = ['event-page', 'article', 'wcep', 'jsonl', 'unrecognised', 'ignored'];
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), anyText, (name, text) => {
        expect(formats).toContain(detectFormat(name, text));
      }),
      { numRuns: 400 },
    );
  });
});

describe('the query parser on any input', () => {
  it('parseQuery gives terms, phrases, excludes and at most one date for any text, never throws', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('UTC', 'Asia/Seoul', 'America/New_York', 'Not/AZone'), (text, timeZone) => {
        const query = parseQuery(normaliseSlackText(text), { now, timeZone });
        for (const word of [...query.terms, ...query.phrases, ...query.excludes]) {
          expect(typeof word).toBe('string');
          expect(word.trim()).not.toBe('');
        }
        if (query.date !== null) expect(query.dateLabel).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the date out of Korean, emoji and right-to-left text alike', () => {
    expect(parseQuery('개성공단 2013', { now }).terms).toEqual(['개성공단']);
    expect(parseQuery('개성공단 2013', { now }).dateLabel).toBe('2013');
    expect(parseQuery('🏭 كايسونغ 2013', { now }).dateLabel).toBe('2013');
  });
});

/**
 * Inputs built to make a backtracking regex explode. The vitest timeout is the guard; the
 * per-kilobyte figure is printed for the report, never asserted.
 */
describe('adversarial inputs complete', () => {
  const KB = 100;
  const line = (unit: string) => unit.repeat(Math.ceil((KB * 1024) / unit.length)).slice(0, KB * 1024);
  const inputs: Array<[string, string]> = [
    ['(((', line('(')],
    ['[[[', line('[')],
    ['***', line('*')],
    ['___', line('_')],
    ['spaces', line(' ')],
    ['quotes', line('"')],
    ['nested brackets', line('[(') + line(')]')],
    ['link-ish', line('[a](')],
    ['heading-ish', `### [${line('[')}](/news/${line('/')}`],
    ['context-ish', `_Context: ${line('_ ')}`],
    ['entities', line('&amp')],
    ['slack tokens', line('<@U1|')],
    ['many lines', line('1. [x](y)\n')],
    ['yaml-ish', `events:\n  - text: "${line('(')}"`],
    ['json-ish', line('{"id":[')],
  ];
  const figures: string[] = [];

  for (const [name, text] of inputs) {
    it(`${name}: every parser and the query parser finish on a ${KB} KB line`, () => {
      const started = performance.now();
      for (const [, parse] of PARSERS) expectWellFormed(parse(text), text);
      parseQuery(normaliseSlackText(text), { now });
      const ms = performance.now() - started;
      figures.push(`${name}: ${(ms / (PARSERS.length + 1) / KB).toFixed(3)} ms/KB`);
    }, 20_000);
  }

  it('prints the per-KB figures', () => {
    console.log(`parse cost per parser per KB on ${KB} KB adversarial lines:\n  ${figures.join('\n  ')}`);
    expect(figures).toHaveLength(inputs.length);
  });
});
