import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveKnowledge, type LiveKnowledge } from '../../src/knowledge/live-knowledge.ts';
import { encodeManifest, readManifest } from '../../src/knowledge/manifest-file.ts';
import { openKnowledge } from '../../src/knowledge/open-knowledge.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import type { LiveIndex } from '../../src/search/live-index.ts';
import { recordingLogger } from '../support/listener-fakes.ts';

const bundled = new URL('../../corpus', import.meta.url).pathname;
const now = new Date('2026-11-23T09:00:00Z');
let work: string;
let corpus: string;
let cache: string;
let live: LiveKnowledge | null = null;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kaesong-manifest-'));
  corpus = join(work, 'corpus');
  cache = join(work, 'cache');
  await cp(bundled, corpus, { recursive: true });
});
afterEach(async () => {
  await live?.close();
  live = null;
  await rm(work, { recursive: true, force: true });
});

const cached = async (ending: string) => join(cache, (await readdir(cache)).find((name) => name.endsWith(ending))!);

/** A live start from the cache after `corpus` changed: how it started and what it answers. */
async function restart(): Promise<{ source: string; titles: (text: string) => string[] }> {
  let index: LiveIndex | null = null;
  live = liveKnowledge([corpus], { cacheDir: cache, logger: recordingLogger(), onIndex: (i) => (index = i), watchDelayMs: 60_000 });
  const { source } = await live.ready;
  const titles = (text: string) => index!.search(parseQuery(text, { now }), { limit: 5 }).hits.map((hit) => hit.record.title);
  return { source, titles };
}

async function buildAndChange(): Promise<void> {
  await (await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() })).saved;
  await writeFile(join(corpus, 'desk.jsonl'), `${JSON.stringify({ date: '2013-09-16', title: 'Kaesong factories restart' })}\n`);
}

describe('the corpus manifest beside a snapshot', () => {
  it('reads back exactly what was written: the file table, and each file’s record numbers and digests', async () => {
    await writeFile(join(corpus, 'broken.jsonl'), '{"title": 7}\n');
    const built = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
    await built.saved;
    const { manifest } = built;
    expect(manifest.files.map((file) => [file.path.slice(corpus.length + 1), file.synonyms])).toEqual([
      ['articles/2013-06-09-truce-village-talks.md', false],
      ['articles/2013-08-07-north-korea-pledges-to-reopen-kaesong.md', false],
      ['articles/inter-korean-exchanges-and-cooperation.md', false],
      ['broken.jsonl', false],
      ['events/2013-08-07-kaesong-talks-resume.md', false],
      ['synonyms.txt', true],
    ]);
    // Nine records: an article each, and the talks page's event with the five stubs its Related links make.
    expect([...manifest.starts]).toEqual([0, 1, 2, 3, 3, 9, 9]);
    expect(manifest.files[3]!.problems.map((problem) => problem.line)).toEqual([1]);
    const talks = [...manifest.numbers.subarray(3, 9)].map((n) => built.index.tables.idOf(n));
    expect(talks[0]).toBe('news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks-on-reopening-the-kaesong-industrial-zone');
    expect(new Set(manifest.numbers).size).toBe(built.index.size);
    expect(await readManifest(await cached('.manifest'))).toEqual(manifest);
  });

  it('is not read when damaged, cut short or in the old JSON form', async () => {
    await (await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() })).saved;
    const path = await cached('.manifest');
    const bytes = await readFile(path);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3]! ^= 0x01;
    await writeFile(path, flipped);
    expect(await readManifest(path)).toBeNull();
    await writeFile(path, bytes.subarray(0, bytes.length - 8));
    expect(await readManifest(path)).toBeNull();
    await writeFile(path, JSON.stringify({ fingerprint: 'f', files: [] }));
    expect(await readManifest(path)).toBeNull();
    await writeFile(path, bytes);
    expect(await readManifest(path)).not.toBeNull();
  });

  it('a restart trusts the last snapshot with its manifest, and applies only what changed since', async () => {
    await buildAndChange();
    const started = await restart();
    expect(started.source).toBe('snapshot');
    expect(started.titles('kaesong restart')).toEqual(['Kaesong factories restart']);
  });

  it('a restart with a damaged manifest does not trust the last snapshot: it rebuilds from the files', async () => {
    await buildAndChange();
    const path = await cached('.manifest');
    const bytes = await readFile(path);
    bytes[bytes.length - 20]! ^= 0x10;
    await writeFile(path, bytes);
    const started = await restart();
    expect(started.source).toBe('built');
    expect(started.titles('kaesong restart')).toEqual(['Kaesong factories restart']);
  });

  it('a restart without a manifest does not trust the last snapshot either', async () => {
    await buildAndChange();
    await unlink(await cached('.manifest'));
    const started = await restart();
    expect(started.source).toBe('built');
    expect(started.titles('kaesong restart')).toEqual(['Kaesong factories restart']);
  });

  it('a manifest that names records its snapshot does not have is not trusted', async () => {
    const built = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
    await built.saved;
    const numbers = Uint32Array.from(built.manifest.numbers);
    numbers[0] = built.index.size;
    await writeFile(await cached('.manifest'), encodeManifest({ ...built.manifest, numbers }));
    const again = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger(), snapshot: 'last' });
    await again.saved;
    expect(again.source).toBe('built');
  });

  it('replaces a manifest of the old JSON form when it saves a new one', async () => {
    const first = await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() });
    await first.saved;
    const snapshot = await cached('.snapshot');
    await writeFile(`${snapshot}.manifest.json`, '{"fingerprint":"old","files":[]}');
    await writeFile(join(corpus, 'desk.jsonl'), `${JSON.stringify({ date: '2013-09-16', title: 'Kaesong factories restart' })}\n`);
    await (await openKnowledge([corpus], { cacheDir: cache, logger: recordingLogger() })).saved;
    expect((await readdir(cache)).map((name) => name.replace(/^index-\w+/, 'index')).sort()).toEqual([
      'index.snapshot',
      'index.snapshot.manifest',
    ]);
  });
});
