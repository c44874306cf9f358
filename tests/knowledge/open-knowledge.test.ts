import { cp, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifestPath } from '../../src/knowledge/manifest-file.ts';
import { openKnowledge } from '../../src/knowledge/open-knowledge.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { recordingLogger } from '../support/listener-fakes.ts';
import { flipByte, layoutOf, snapshotIn } from '../support/snapshot-bytes.ts';

const bundled = new URL('../../corpus', import.meta.url).pathname;
const now = new Date('2026-11-23T09:00:00Z');
let work: string;
let corpus: string;
let cache: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kaesong-knowledge-'));
  corpus = join(work, 'corpus');
  cache = join(work, 'cache');
  await cp(bundled, corpus, { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const titles = (knowledge: Awaited<ReturnType<typeof openKnowledge>>, text: string) =>
  knowledge.index.search(parseQuery(text, { now }), { limit: 20 }).hits.map((hit) => hit.record.title);

describe('openKnowledge', () => {
  it('builds once, then starts from the snapshot with the same answers and the same warnings', async () => {
    await writeFile(join(corpus, 'broken.jsonl'), '{"title": 7}\n');
    const first = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
    await first.saved;
    const logger = recordingLogger();
    const second = await openKnowledge([corpus], { cacheDir: cache, logger });
    expect([first.source, second.source]).toEqual(['built', 'snapshot']);
    expect(titles(second, 'kaesong 2013')).toEqual(titles(first, 'kaesong 2013'));
    expect(second.problems).toEqual(first.problems);
    expect(logger.lines.filter((line) => line.includes('broken.jsonl:1'))).toHaveLength(1);
    // The snapshot, and beside it what each file gave, so that a live start re-reads only files changed since.
    expect((await readdir(cache)).map((name) => name.replace(/^index-\w+/, 'index'))).toEqual([
      'index.snapshot',
      'index.snapshot.manifest',
    ]);
  });

  it('rebuilds when a corpus file changes, so a new event is found', async () => {
    await (await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() })).saved;
    await writeFile(
      join(corpus, 'events', 'new.jsonl'),
      `${JSON.stringify({ date: '2013-09-16', title: 'Kaesong industrial zone reopens after five months' })}\n`,
    );
    const again = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
    await again.saved;
    expect(again.source).toBe('built');
    expect(titles(again, 'kaesong reopens')[0]).toBe('Kaesong industrial zone reopens after five months');
  });

  it('ignores a snapshot damaged in its hot part at load, says so, and rebuilds it', async () => {
    await (await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() })).saved;
    const path = await snapshotIn(cache);
    const { hotStart } = await layoutOf(path);
    await flipByte(path, hotStart + 10);
    const logger = recordingLogger();
    const again = await openKnowledge([corpus], { cacheDir: cache, logger });
    await again.saved;
    expect(again.source).toBe('built');
    expect(logger.lines.some((line) => line.includes('not used (checksum mismatch (damaged file)); rebuilding'))).toBe(true);
    expect(again.index.size).toBe(9);
  });

  it('starts from a snapshot damaged in its record bodies, finds it in the background, says so and removes it', async () => {
    await (await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() })).saved;
    const path = await snapshotIn(cache);
    const { coldStart, cold } = await layoutOf(path);
    await flipByte(path, coldStart + cold.length - 10);
    const logger = recordingLogger();
    const again = await openKnowledge([corpus], { cacheDir: cache, logger });
    expect(again.source).toBe('snapshot');
    expect(await again.checkColdPart()).toBe(true);
    expect(logger.lines.filter((line) => line.includes(`index snapshot ${path} is damaged`))).toHaveLength(1);
    expect(await readdir(cache)).toEqual([basename(manifestPath(path))]);
    const next = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
    await next.saved;
    expect(next.source).toBe('built');
    again.release();
    next.release();
  });

  it('checks an intact snapshot in the background and keeps it', async () => {
    await (await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() })).saved;
    const again = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
    expect(again.source).toBe('snapshot');
    expect(await again.checkColdPart()).toBe(false);
    expect((await readdir(cache)).length).toBe(2);
    again.release();
  });

  it('builds a large corpus in a child process with the same result', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) =>
      JSON.stringify({
        date: `2010-01-${String((i % 28) + 1).padStart(2, '0')}`,
        title: `Generated event number ${i} about harbour cranes and tariffs`,
        summary: 'x'.repeat(300),
      }),
    );
    await writeFile(join(corpus, 'bulk.jsonl'), `${lines.join('\n')}\n`);
    const progress: string[] = [];
    const knowledge = await openKnowledge([corpus], {
      cacheDir: null,
      logger: recordingLogger(),
      onProgress: (line) => progress.push(line),
    });
    expect(knowledge.index.size).toBe(12_009);
    expect(progress.at(-1)).toBe('indexing 12009 records…');
    expect(titles(knowledge, '"number 11999"')).toEqual(['Generated event number 11999 about harbour cranes and tariffs']);
  });

  it('keeps the snapshot a build process wrote, and nothing else, in the cache', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) =>
      JSON.stringify({ date: '2010-02-03', title: `Cached event number ${i} about harbour cranes`, summary: 'y'.repeat(300) }),
    );
    await writeFile(join(corpus, 'bulk.jsonl'), `${lines.join('\n')}\n`);
    const built = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
    await built.saved;
    const names = (await readdir(cache)).map((name) => name.replace(/^index-[0-9a-f]+/, 'index'));
    expect(names.sort()).toEqual(['index.snapshot', 'index.snapshot.manifest']);
    const again = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
    expect(again.source).toBe('snapshot');
    expect(again.index.size).toBe(12_009);
    expect(again.manifest).toEqual(built.manifest);
    expect(titles(again, '"number 11999"')).toEqual(['Cached event number 11999 about harbour cranes']);
  });

  it('keeps touching a file from looking like no change', async () => {
    await (await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() })).saved;
    const later = new Date(Date.now() + 60_000);
    await utimes(join(corpus, 'events', '2013-08-07-kaesong-talks-resume.md'), later, later);
    const again = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
    await again.saved;
    expect(again.source).toBe('built');
  });
});
