import { readdirSync, readlinkSync } from 'node:fs';
import { cp, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveKnowledge, type LiveKnowledge } from '../../src/knowledge/live-knowledge.ts';
import { openKnowledge } from '../../src/knowledge/open-knowledge.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { decodeSnapshot } from '../../src/search/index-snapshot.ts';
import type { LiveIndex } from '../../src/search/live-index.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { recordingLogger } from '../support/listener-fakes.ts';
import { loadSearcher } from '../support/load-searcher.ts';
import { flipByte, layoutOf, snapshotIn } from '../support/snapshot-bytes.ts';

// A start from a snapshot leaves the record bodies and ids in the file and reads them from there.

const bundled = new URL('../../corpus', import.meta.url).pathname;
const now = new Date('2026-11-23T09:00:00Z');
let work: string;
let corpus: string;
let cache: string;
let live: LiveKnowledge | null;
let indexes: LiveIndex[];

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kaesong-snapshot-file-'));
  corpus = join(work, 'corpus');
  cache = join(work, 'cache');
  await cp(bundled, corpus, { recursive: true });
  live = null;
  indexes = [];
});
afterEach(async () => {
  await live?.close();
  await rm(work, { recursive: true, force: true });
});

function start(options: Partial<Parameters<typeof liveKnowledge>[1]> = {}): LiveKnowledge {
  live = liveKnowledge([corpus], {
    cacheDir: cache,
    logger: recordingLogger(),
    onIndex: (index) => indexes.push(index),
    watchDelayMs: 3_600_000,
    ...options,
  });
  return live;
}

/** Builds the corpus's snapshot in the cache, as a first start does, and lets go of its file. */
async function firstStart(): Promise<void> {
  const knowledge = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
  await knowledge.saved;
  knowledge.release();
  await until(() => openSnapshots().length === 0);
}

const newest = () => indexes.at(-1)!;
const titles = (text: string) =>
  newest()
    .search(parseQuery(text, { now }), { limit: 5 })
    .hits.map((hit) => hit.record.title);

/** The snapshot files of this test the process holds open (a deleted one ends in " (deleted)"). */
function openSnapshots(): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(work) && target.includes('.snapshot'));
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a base read from its snapshot file', () => {
  it('keeps answering with full records when its snapshot is renamed over, then deleted', async () => {
    await firstStart();
    const built = await loadSearcher([corpus], recordingLogger());
    const answer = (searcher: Searcher, text: string) =>
      searcher.search(parseQuery(text, { now }), { limit: 5 }).hits.map((hit) => hit.record);
    await start().ready;
    const path = await snapshotIn(cache);
    expect(openSnapshots()).toEqual([path]);

    // No record is read before these: each is read from the file as it is now.
    await writeFile(`${path}.other`, 'not a snapshot at all');
    await rename(`${path}.other`, path);
    expect(answer(newest(), 'kaesong 2013')).toEqual(answer(built, 'kaesong 2013'));
    await unlink(path);
    expect(openSnapshots()).toEqual([`${path} (deleted)`]);
    expect(answer(newest(), 'truce village')).toEqual(answer(built, 'truce village'));
    expect(answer(newest(), 'truce village').length).toBeGreaterThan(0);
  });

  it('finds a damaged record body after the start, says which file, and rebuilds the index and its snapshot', async () => {
    await firstStart();
    const path = await snapshotIn(cache);
    const { coldStart, cold } = await layoutOf(path);
    await flipByte(path, coldStart + Math.floor(cold.length / 2));
    const logger = recordingLogger();
    await start({ logger, checkSnapshotAfterMs: 0 }).ready;
    await until(() => indexes.length === 2);
    expect(logger.lines.filter((line) => line.includes(`index snapshot ${path} is damaged`))).toHaveLength(1);
    expect(newest().size).toBe(9);
    expect(titles('kaesong 2013').length).toBeGreaterThan(0);
    await live!.close();
    // Rebuilt whole: both parts' checksums hold.
    const rebuilt = await snapshotIn(cache);
    const { header } = await layoutOf(rebuilt);
    expect(decodeSnapshot(await readFile(rebuilt), header.meta.fingerprint).index.size).toBe(9);
  });

  it('closes the snapshot files of replaced bases: many compactions leave one open', async () => {
    // Past the size that is built in a child process, so that every new base is read from its own file.
    const lines = Array.from({ length: 12_000 }, (_, i) =>
      JSON.stringify({ date: '2010-02-03', title: `Cached event number ${i} about harbour cranes`, summary: 'y'.repeat(300) }),
    );
    await writeFile(join(corpus, 'bulk.jsonl'), `${lines.join('\n')}\n`);
    await firstStart();
    await start({ releaseAfterSwapMs: 0 }).ready;
    expect(openSnapshots()).toHaveLength(1);
    for (let i = 1; i <= 3; i += 1) {
      await live!.compact();
      expect(indexes).toHaveLength(i + 1);
      await until(() => openSnapshots().length === 1);
      expect(titles('"number 11999"')).toEqual(['Cached event number 11999 about harbour cranes']);
    }
    expect(openSnapshots()).toEqual([await snapshotIn(cache)]);
  }, 120_000);
});
