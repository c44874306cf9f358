import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type LoadedCorpus } from '../../src/corpus/load-corpus.ts';

/**
 * A corpus folder holding every kind of broken file an editor could drop in, next to good ones:
 * each broken file is reported with its file and line, and everything good still loads.
 */
const page = (date: string, path: string, headline: string, extra = '') =>
  `### [${date}](/news/${path}/index.md)\n\n# ${headline}\n\nSummary of ${headline}.\n\n### Source:\n\n1. [BBC](https://www.bbc.co.uk/news/1)\n${extra}`;

const jsonl = (fields: Record<string, unknown>) => JSON.stringify({ kind: 'event', summary: 's', ...fields });

let dir: string;
let corpus: LoadedCorpus;
const HUGE_RECORDS = 40_000;

function problemsIn(name: string) {
  return corpus.problems.filter((problem) => problem.file === join(dir, name)).map(({ line, reason }) => ({ line, reason }));
}

function ids(): string[] {
  return corpus.records.filter((record) => !record.stub).map((record) => record.id);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kaesong-corpus-'));
  await mkdir(join(dir, 'events'));
  await writeFile(join(dir, 'events/good.md'), page('2013-04-08', '2013/04/8', 'Kaesong closed'));
  // Cut off mid-way through its Source list, as an interrupted copy would leave it.
  await writeFile(join(dir, 'events/truncated.md'), page('2013-04-09', '2013/04/9', 'Workers leave', '2. [Yonh'));
  // Latin-1: "Café" with a single 0xE9 byte, which is not UTF-8.
  await writeFile(join(dir, 'events/latin1.md'), Buffer.from(page('2013-04-10', '2013/04/10', 'Talks at the Café Seoul'), 'latin1'));
  // UTF-16 with a byte order mark, as some Windows editors save.
  await writeFile(
    join(dir, 'events/utf16.md'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page('2013-04-11', '2013/04/11', 'Wide text'), 'utf16le')]),
  );
  await writeFile(join(dir, 'events/binary.md'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  await writeFile(join(dir, 'events/feb-30.md'), page('2013-02-30', '2013/02/30', 'A day that never was'));
  await writeFile(join(dir, 'events/future.md'), page('2031-05-04', '2031/05/4', 'Planned reopening of the Kaesong zone'));
  await writeFile(join(dir, 'day.yaml'), "Date: '2013-02-30'\nIntelligence_Payload:\n  Politics:\n  - Nothing happened (BBC)\n");
  await writeFile(
    join(dir, 'records.jsonl'),
    [
      jsonl({ id: 'news/2013/05/1/dup', date: '2013-05-01', title: 'First copy' }),
      jsonl({ id: 'news/2013/05/2/fine', date: '2013-05-02', title: 'Fine' }),
      jsonl({
        id: 'news/2013/05/1/dup',
        date: '2013-05-01',
        title: 'Second copy, a longer summary',
        summary: 'longer summary than the first',
      }),
      jsonl({ id: 'news/2013/02/30/bad', date: '2013-02-30', title: 'Bad date' }),
      '{"id": "news/2013/05/3/cut", "title": "Cut o',
    ].join('\n'),
  );
  const huge: string[] = [];
  for (let i = 0; i < HUGE_RECORDS; i += 1) {
    const day = (i % 28) + 1;
    huge.push(
      jsonl({
        id: `news/2010/01/${day}/huge-${i}`,
        date: `2010-01-${String(day).padStart(2, '0')}`,
        title: `Huge ${i}`,
        summary: 'x'.repeat(200),
      }),
    );
  }
  await writeFile(join(dir, 'huge.jsonl'), huge.join('\n'));
  corpus = await loadCorpus([dir]);
}, 60_000);

afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('a corpus folder with broken files next to good ones', () => {
  it('loads every good record, including all of a 10 MB file', () => {
    const loaded = ids();
    expect(loaded).toContain('news/2013/04/8/kaesong-closed');
    expect(loaded).toContain('news/2013/05/2/fine');
    expect(loaded.filter((id) => id.includes('/huge-'))).toHaveLength(HUGE_RECORDS);
  });

  it('keeps what a truncated page has and reports its cut-off line', () => {
    expect(ids()).toContain('news/2013/04/9/workers-leave');
    expect(problemsIn('events/truncated.md')).toEqual([{ line: 10, reason: 'not a numbered [text](link) item in the Source list' }]);
  });

  it('loads a Latin-1 page and says which line is not UTF-8', () => {
    expect(ids()).toContain('news/2013/04/10/talks-at-the-caf-seoul');
    expect(problemsIn('events/latin1.md')).toEqual([
      { line: 3, reason: 'not valid UTF-8 (save the file as UTF-8); unreadable characters show as �' },
    ]);
  });

  it('names UTF-16 and binary files as such instead of guessing at their format', () => {
    expect(problemsIn('events/utf16.md')).toEqual([{ line: 1, reason: 'this is UTF-16 text: save the file as UTF-8' }]);
    expect(problemsIn('events/binary.md')).toEqual([{ line: 1, reason: 'not a text file (it holds binary data)' }]);
  });

  it('reports impossible dates like 2013-02-30 with their line, in every format', () => {
    expect(problemsIn('events/feb-30.md')).toEqual([{ line: 1, reason: 'event page heading has no valid date: "2013-02-30"' }]);
    expect(problemsIn('day.yaml')).toEqual([{ line: 1, reason: 'Date must be YYYY-MM-DD; got "2013-02-30"' }]);
    expect(problemsIn('records.jsonl')).toEqual([
      { line: 3, reason: 'duplicate id news/2013/05/1/dup (also on line 1): the two are merged' },
      { line: 4, reason: 'date must be "YYYY-MM-DD" or null; got "2013-02-30"' },
      { line: 5, reason: 'not valid JSON' },
    ]);
  });

  it('merges a duplicated id into one record that keeps the richer copy', () => {
    const dup = corpus.records.filter((record) => record.id === 'news/2013/05/1/dup');
    expect(dup.map((record) => record.title)).toEqual(['Second copy, a longer summary']);
  });

  // A newsroom corpus holds scheduled events (summits, anniversaries, trials): they are real
  // records, loaded and searchable like any other, and not a problem to report.
  it('loads events dated in the future without calling them problems', () => {
    expect(ids()).toContain('news/2031/05/4/planned-reopening-of-the-kaesong-zone');
    expect(problemsIn('events/future.md')).toEqual([]);
  });

  it('reports nothing else', () => {
    const named = [
      'events/truncated.md',
      'events/latin1.md',
      'events/utf16.md',
      'events/binary.md',
      'events/feb-30.md',
      'day.yaml',
      'records.jsonl',
    ];
    expect(corpus.problems.filter((problem) => !named.some((name) => problem.file === join(dir, name)))).toEqual([]);
  });
});
