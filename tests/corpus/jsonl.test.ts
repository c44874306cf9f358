import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEventPage } from '../../src/corpus/parse-event-page.ts';
import { parseJsonl } from '../../src/corpus/parse-jsonl.ts';
import { toJsonl } from '../../src/corpus/to-jsonl.ts';

describe('parseJsonl', () => {
  it('derives ids and fills defaults for a minimal event and article', () => {
    const text = '{"title":"Talks resume.","date":"2013-08-07"}\n\n{"kind":"article","title":"Background"}\n';
    const { records, problems } = parseJsonl(text, 'x.jsonl');
    expect(problems).toEqual([]);
    const defaults = { summary: '', body: '', image: null, sources: [], contexts: [], category: null, related: [], stub: false };
    expect(records).toEqual([
      {
        id: 'news/2013/08/7/talks-resume',
        kind: 'event',
        date: '2013-08-07',
        title: 'Talks resume.',
        ...defaults,
        origin: { file: 'x.jsonl', line: 1, format: 'jsonl' },
      },
      {
        id: 'article/background',
        kind: 'article',
        date: null,
        title: 'Background',
        ...defaults,
        origin: { file: 'x.jsonl', line: 3, format: 'jsonl' },
      },
    ]);
  });

  it('reports each bad line with its number and the field at fault, keeping the good lines', () => {
    const text = [
      '{"title":"Good","date":"2013-08-07"}',
      '{"title":"Bad date","date":"2013-8-7"}',
      'not json',
      '{"title":"No date, no id"}',
      '{"title":"Bad source","date":"2013-08-07","sources":[{"name":"BBC","url":5}]}',
      '[1,2]',
      '{"title":"","date":"2013-08-07"}',
      '{"title":"Kind","kind":"blog","date":"2013-08-07"}',
    ].join('\n');
    const { records, problems } = parseJsonl(text, 'x.jsonl');
    expect(records.map((r) => r.title)).toEqual(['Good']);
    expect(problems).toEqual([
      { file: 'x.jsonl', line: 2, reason: 'date must be "YYYY-MM-DD" or null; got "2013-8-7"' },
      { file: 'x.jsonl', line: 3, reason: 'not valid JSON' },
      { file: 'x.jsonl', line: 4, reason: 'an event without an id needs a date to derive one' },
      { file: 'x.jsonl', line: 5, reason: 'sources[0].url must be a string or null' },
      { file: 'x.jsonl', line: 6, reason: 'each line must be one JSON object' },
      { file: 'x.jsonl', line: 7, reason: 'title must be a non-empty string' },
      { file: 'x.jsonl', line: 8, reason: 'kind must be "event" or "article"' },
    ]);
  });
});

describe('toJsonl', () => {
  it('round-trips the seed event page without loss (all but origin)', () => {
    const seed = readFileSync(new URL('../../corpus/events/2013-08-07-kaesong-talks-resume.md', import.meta.url), 'utf8');
    const original = parseEventPage(seed, 'seed.md').records;
    const text = toJsonl(original);
    expect(text.split('\n')).toHaveLength(2);
    const { records, problems } = parseJsonl(text, 'out.jsonl');
    expect(problems).toEqual([]);
    expect(records).toEqual(original.map((record) => ({ ...record, origin: { file: 'out.jsonl', line: 1, format: 'jsonl' } })));
    expect(toJsonl(records)).toBe(text);
  });
});
