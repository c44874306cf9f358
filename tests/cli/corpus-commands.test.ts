import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusCheckCommand } from '../../src/cli/commands/corpus-check.ts';
import { exportJsonlCommand } from '../../src/cli/commands/export-jsonl.ts';
import { importJsonlCommand } from '../../src/cli/commands/import-jsonl.ts';
import { importWcepCommand } from '../../src/cli/commands/import-wcep.ts';
import { fakeCliContext } from '../support/cli-context.ts';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kaesong-cli-'));
}

describe('kaesong corpus check', () => {
  it('summarises the bundled corpus from CORPUS_DIR and exits 0', async () => {
    const { context, out } = fakeCliContext({ CORPUS_DIR: CORPUS });
    expect(await corpusCheckCommand.run([], context)).toBe(0);
    expect(out).toEqual([`${CORPUS}: 5 files, 1 event, 5 linked-only events, 3 articles, 0 problems`]);
  });

  it('prints every problem as file:line: reason and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.jsonl'), '{"title":"ok","date":"2013-08-07"}\n{"title":5}\n');
    writeFileSync(join(dir, 'notes.txt'), 'plain text\n');
    const { context, out } = fakeCliContext();
    expect(await corpusCheckCommand.run([dir, join(dir, 'missing')], context)).toBe(1);
    expect(out).toEqual([
      `${join(dir, 'missing')}:0: corpus folder not found`,
      `${join(dir, 'notes.txt')}:1: unrecognised format: expected an event page (### [date](/news/…)) or an article with --- front matter ---`,
      `${join(dir, 'x.jsonl')}:2: title must be a non-empty string`,
      `${dir}, ${join(dir, 'missing')}: 2 files, 1 event, 0 linked-only events, 0 articles, 3 problems`,
    ]);
  });
});

describe('kaesong import wcep', () => {
  it('writes one JSON Lines file per year and a summary', async () => {
    const source = tempDir();
    mkdirSync(join(source, '2013'));
    writeFileSync(
      join(source, '2013', '2013-08-07.yaml'),
      "Date: '2013-08-07'\nIntelligence_Payload:\n  Politics:\n  - A minister resigns. (Reuters)\n",
    );
    writeFileSync(
      join(source, '2014-01-01.yaml'),
      "Date: '2014-01-01'\nIntelligence_Payload:\n  Sports:\n  - A team wins. (BBC)\n  - Another team loses. (BBC)\n",
    );
    const out = join(tempDir(), 'jsonl');
    const { context, err } = fakeCliContext();
    expect(await importWcepCommand.run([source, '--out', out], context)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['wcep-2013.jsonl', 'wcep-2014.jsonl']);
    expect(
      readFileSync(join(out, 'wcep-2014.jsonl'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).title),
    ).toEqual(['A team wins.', 'Another team loses.']);
    expect(err).toEqual([`2 files, 3 events written to 2 files in ${out}, 0 skipped, 0 problems`]);
  });

  it('asks for --out', async () => {
    await expect(importWcepCommand.run(['x'], fakeCliContext().context)).rejects.toThrow('give one WCEP folder and --out <DIR>');
  });
});

describe('kaesong export jsonl and import jsonl', () => {
  it('round-trips the bundled corpus without loss', async () => {
    const dir = tempDir();
    const exported = join(dir, 'all.jsonl');
    const first = fakeCliContext();
    expect(await exportJsonlCommand.run(['--corpus', CORPUS, '--out', exported], first.context)).toBe(0);
    expect(first.err).toEqual([`5 files, 9 records written to ${exported}, 0 skipped, 0 problems`]);

    const corpus = join(dir, 'corpus');
    const second = fakeCliContext();
    expect(await importJsonlCommand.run([exported, '--out', corpus], second.context)).toBe(0);
    expect(second.err).toEqual([`1 file, 9 records written to ${join(corpus, 'all.jsonl')}, 0 skipped, 0 problems`]);
    expect(readFileSync(join(corpus, 'all.jsonl'), 'utf8')).toBe(readFileSync(exported, 'utf8'));

    const again = join(dir, 'again.jsonl');
    expect(await exportJsonlCommand.run(['--corpus', corpus, '--out', again], fakeCliContext().context)).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(exported, 'utf8'));
  });

  it('copies the good lines, reports the bad ones and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.jsonl'), '{"title":"Good","date":"2013-08-07"}\n{"title":"Bad","date":"yesterday"}\n');
    const { context, err } = fakeCliContext();
    expect(await importJsonlCommand.run([join(dir, 'in.jsonl'), '--out', join(dir, 'corpus')], context)).toBe(1);
    expect(err).toEqual([
      `${join(dir, 'in.jsonl')}:2: date must be "YYYY-MM-DD" or null; got "yesterday"`,
      `1 file, 1 record written to ${join(dir, 'corpus', 'in.jsonl')}, 1 skipped, 1 problem`,
    ]);
  });
});
