import { writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/knowledge/collect-garbage.ts';
import { liveKnowledge, type LiveKnowledge } from '../../src/knowledge/live-knowledge.ts';
import type { LiveIndex } from '../../src/search/live-index.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { recordingLogger } from '../support/listener-fakes.ts';
import { makeRecord } from '../support/records.ts';

const bundled = new URL('../../corpus', import.meta.url).pathname;
const now = new Date('2026-11-23T09:00:00Z');
let work: string;
let live: LiveKnowledge | null = null;
let indexes: LiveIndex[];

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kaesong-live-'));
  await cp(bundled, join(work, 'corpus'), { recursive: true });
  indexes = [];
});
afterEach(async () => {
  await live?.close();
  await rm(work, { recursive: true, force: true });
});

const newest = () => indexes.at(-1)!;
const found = (text: string) =>
  newest()
    .search(parseQuery(text, { now }), { limit: 5 })
    .hits.map((hit) => hit.record.title);

async function until(condition: () => boolean, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the corpus reload');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const event = (date: string, title: string) => `${JSON.stringify({ date, title })}\n`;

/** Watches `corpus` with a short debounce, keeping every index it makes in `indexes`. */
function watch(corpus: string, options: Partial<Parameters<typeof liveKnowledge>[1]> = {}): LiveKnowledge {
  return liveKnowledge([corpus], {
    cacheDir: null,
    logger: recordingLogger(),
    onIndex: (index) => indexes.push(index),
    debounceMs: 100,
    watchDelayMs: 0,
    ...options,
  });
}

describe('liveKnowledge', () => {
  it('answers from the new corpus after files are added, changed and deleted, without a restart', async () => {
    const corpus = join(work, 'corpus');
    live = watch(corpus);
    await live.ready;
    expect(newest().size).toBe(9);

    await writeFile(join(corpus, 'desk.jsonl'), event('2013-09-16', 'Kaesong factories restart after five months'));
    await until(() => newest().size === 10);
    expect(found('kaesong restart')).toEqual(['Kaesong factories restart after five months']);

    await writeFile(join(corpus, 'desk.jsonl'), event('2013-09-16', 'Kaesong factories resume full production'));
    await until(() => found('"factories resume"').length === 1);
    expect(newest().size).toBe(10);
    expect(found('"factories restart"')).toEqual([]);

    await unlink(join(corpus, 'desk.jsonl'));
    await until(() => newest().size === 9);
  });

  it('takes records from a store origin through the write API, and keeps them over a reload', async () => {
    const corpus = join(work, 'corpus');
    live = watch(corpus);
    await live.ready;
    const desk = makeRecord({
      id: 'news/2013/09/16/kaesong-restart',
      date: '2013-09-16',
      title: 'Kaesong factories restart',
      contexts: [],
    });
    await live.upsert([desk], 'store:desk');
    expect(found('kaesong restart')).toEqual(['Kaesong factories restart']);

    await writeFile(join(corpus, 'other.jsonl'), event('2013-09-17', 'Kaesong workers return'));
    await until(() => newest().size === 11);
    expect(found('kaesong restart')).toEqual(['Kaesong factories restart']);

    await live.remove([desk.id], 'store:desk');
    expect(found('"factories restart"')).toEqual([]);
    expect(newest().size).toBe(10);
  });

  it("reloads the editors' synonyms like any corpus file, through the snapshot too", async () => {
    const corpus = join(work, 'corpus');
    const cacheDir = join(work, 'cache');
    live = watch(corpus, { cacheDir });
    await live.ready;
    expect(found('開城')).toEqual([]);

    // Written beside and renamed in, as editors' tools save, so no reload lists it half-written.
    await writeFile(join(work, 'synonyms.txt'), 'Kaesong = Gaeseong = 개성 = 開城\n');
    await rename(join(work, 'synonyms.txt'), join(corpus, 'synonyms.txt'));
    await until(() => found('開城').length > 0);
    expect(found('開城')).toEqual(found('kaesong'));
    await live.reload();
    await live.close();

    // A restart from the snapshot just written answers with the same aliases.
    live = watch(corpus, { cacheDir });
    expect((await live.ready).source).toBe('snapshot');
    expect(found('開城')).toEqual(found('kaesong'));
  });

  it('picks up files in a folder created after start, and in a folder below that', async () => {
    const corpus = join(work, 'corpus');
    live = watch(corpus);
    await live.ready;
    await mkdir(join(corpus, '2013', '09'), { recursive: true });
    await writeFile(join(corpus, '2013', '09', 'desk.jsonl'), event('2013-09-16', 'Kaesong factories restart after five months'));
    await until(() => newest().size === 10);
    await mkdir(join(corpus, '2013', '10'));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the new folder's watch starts with the reload it causes
    await writeFile(join(corpus, '2013', '10', 'desk.jsonl'), event('2013-10-01', 'Kaesong tour programme planned'));
    await until(() => newest().size === 11);
    expect(found('kaesong tour')).toEqual(['Kaesong tour programme planned']);
  });

  it('picks up a file saved while the first index was loading, before the folders were watched', async () => {
    const corpus = join(work, 'corpus');
    const saveWhileLoading = (index: LiveIndex) => {
      if (indexes.push(index) === 1)
        writeFileSync(join(corpus, 'desk.jsonl'), event('2013-09-16', 'Kaesong factories restart after five months'));
    };
    live = watch(corpus, { onIndex: saveWhileLoading });
    await live.ready;
    expect(indexes[0]!.size).toBe(9);
    await until(() => newest().size === 10);
    expect(found('kaesong restart')).toEqual(['Kaesong factories restart after five months']);
  });

  it('keeps every good record when a broken file arrives, and reports it', async () => {
    const corpus = join(work, 'corpus');
    const logger = recordingLogger();
    live = watch(corpus, { logger });
    await live.ready;
    await writeFile(join(corpus, 'half.jsonl'), `${event('2014-01-02', 'Seoul proposes family reunions')}{"date": "2014-01-0`);
    await until(() => newest().size === 10);
    expect(found('family reunions')[0]).toBe('Seoul proposes family reunions');
    expect(logger.lines.some((line) => line.includes('half.jsonl:2'))).toBe(true);
  });

  it('changes the index in place, and a compaction swaps in a new base that answers the same, keeping store records', async () => {
    const corpus = join(work, 'corpus');
    live = watch(corpus, { cacheDir: join(work, 'cache') });
    await live.ready;
    const first = newest();
    await writeFile(join(corpus, 'desk.jsonl'), event('2013-09-16', 'Kaesong factories restart after five months'));
    await live.reload();
    await live.upsert(
      [makeRecord({ id: 'news/2013/09/17/desk', date: '2013-09-17', title: 'Kaesong desk note', contexts: [] })],
      'store:desk',
    );
    expect(indexes).toEqual([first]);
    expect(first.stats()).toEqual({ baseRecords: 9, deltaRecords: 2, tombstones: 0 });
    const answers = found('kaesong');

    await live.compact();
    expect(indexes).toHaveLength(2);
    expect(newest().stats()).toEqual({ baseRecords: 10, deltaRecords: 1, tombstones: 0 });
    expect(found('kaesong')).toEqual(answers);
    expect(found('desk note')).toEqual(['Kaesong desk note']);
  });

  it('lets the base a compaction replaced go, though the check of its snapshot was still due', async () => {
    const corpus = join(work, 'corpus');
    const cacheDir = join(work, 'cache');
    live = watch(corpus, { cacheDir, watchDelayMs: 60_000 });
    await live.ready;
    await live.close();
    indexes = [];
    live = watch(corpus, { cacheDir, watchDelayMs: 60_000, checkSnapshotAfterMs: 60_000 });
    expect((await live.ready).source).toBe('snapshot');
    const collected: string[] = [];
    const registry = new FinalizationRegistry((name: string) => collected.push(name));
    registry.register(newest().base, 'first base');
    await live.compact();
    expect(indexes).toHaveLength(2);
    indexes.shift();
    // A registered object stays alive until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(collected).toEqual(['first base']);
    expect(found('kaesong').length).toBeGreaterThan(0);
  });

  it('restarts from the last snapshot and reads only the files changed since', async () => {
    const corpus = join(work, 'corpus');
    const cacheDir = join(work, 'cache');
    live = watch(corpus, { cacheDir, watchDelayMs: 60_000 });
    await live.ready;
    await live.close();
    await writeFile(join(corpus, 'desk.jsonl'), event('2013-09-16', 'Kaesong factories restart after five months'));
    await unlink(join(corpus, 'events', '2013-08-07-kaesong-talks-resume.md'));

    live = watch(corpus, { cacheDir, watchDelayMs: 60_000 });
    expect((await live.ready).source).toBe('snapshot');
    // The deleted page takes its event and the five stubs its Related links made with it.
    expect(newest().stats()).toEqual({ baseRecords: 9, deltaRecords: 1, tombstones: 6 });
    expect(newest().size).toBe(4);
    expect(found('kaesong restart')).toEqual(['Kaesong factories restart after five months']);
    expect(found('"resume talks on reopening"')).toEqual([]);
  });
});
