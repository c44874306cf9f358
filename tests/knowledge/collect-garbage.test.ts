import { readFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { canTrimMalloc } from 'kaesong-malloc-trim';
import { collectGarbage, collectGarbageUntilSettled } from '../../src/knowledge/collect-garbage.ts';

const onGlibc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime !== undefined;
/** Full collections seen (a young-generation one could collect a test object by itself, so they are counted instead). */
function fullCollections() {
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as { detail: { kind: number } }[])
      if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) count += 1;
  });
  observer.observe({ entryTypes: ['gc'] });
  return { count: () => count, stop: () => observer.disconnect() };
}
const after = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('collectGarbage', () => {
  it('collects what nothing refers to any more', async () => {
    const collected: string[] = [];
    const registry = new FinalizationRegistry((name: string) => collected.push(name));
    (() => registry.register({ payload: new Array(1_000).fill('old base') }, 'old base'))();
    // A WeakRef or registration keeps its target alive until the current job ends.
    await after();
    collectGarbage();
    await after();
    expect(collected).toEqual(['old base']);
  });

  it('gives back the old-space pages that a half-emptied heap leaves', async () => {
    let events = Array.from({ length: 400_000 }, (_, i) => ({ i, headline: `event ${i}` }));
    collectGarbage();
    events = events.filter((event) => event.i % 2 === 0);
    collectGarbage({ compactAll: true });
    // Every page now half empty: V8's own heuristics would move nothing off them.
    const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!;
    expect(events.length).toBe(200_000);
    expect(old.space_size - old.space_used_size).toBeLessThan(4 * 1024 * 1024);
  });

  // malloc_trim is glibc's: elsewhere the bot runs without it.
  it.skipIf(!onGlibc)('gives back the free pages malloc keeps between live blocks once settled', async () => {
    expect(canTrimMalloc).toBe(true);
    // 1,000-byte blocks from malloc's heap, one in 16 kept: every page but one in four is free, none at the top.
    let blocks = Array.from({ length: 40_000 }, () => Buffer.alloc(1_000, 1));
    blocks = blocks.filter((_, i) => i % 16 === 0);
    collectGarbage();
    await after(50);
    const freed = process.memoryUsage().rss;
    collectGarbageUntilSettled({ afterMs: 0, apartMs: 10 });
    await after(150);
    expect(blocks.length).toBe(2_500);
    expect(freed - process.memoryUsage().rss).toBeGreaterThan(20_000_000);
    // And kept out of huge pages, which khugepaged would fill back in whole.
    const heapFlags = readFileSync('/proc/self/smaps', 'utf8')
      .split(/^(?=[0-9a-f]+-[0-9a-f]+ )/m)
      .filter((mapping) => mapping.split('\n')[0]!.endsWith('[heap]'))
      .map((mapping) => /^VmFlags:(.*)$/m.exec(mapping)![1]!.trim().split(' ').includes('nh'));
    expect(heapFlags.length).toBeGreaterThan(0);
    expect(heapFlags.every(Boolean)).toBe(true);
  });

  it('collects once the given time has passed, as after a swap', async () => {
    const collected: string[] = [];
    const registry = new FinalizationRegistry((name: string) => collected.push(name));
    (() => registry.register({ payload: new Array(1_000).fill('old base') }, 'old base'))();
    await after();
    collectGarbageUntilSettled({ afterMs: 50, apartMs: 10 });
    await after(150);
    expect(collected).toEqual(['old base']);
  });

  it('waits for a moment when no request is being answered', async () => {
    const full = fullCollections();
    let quietForMs = 0;
    collectGarbageUntilSettled({ afterMs: 10, apartMs: 10, quietForMs: () => quietForMs });
    await after(150);
    const whileAnswering = full.count();
    quietForMs = 5;
    await after(100);
    full.stop();
    expect(whileAnswering).toBe(0);
    expect(full.count()).toBeGreaterThan(0);
  });

  it('compacts all of old space only once no request has been answered for long enough', async () => {
    const full = fullCollections();
    let quietForMs = 5;
    collectGarbageUntilSettled({ afterMs: 10, apartMs: 10, quietForMs: () => quietForMs, quietBeforeCompactingMs: 1_000 });
    await after(200);
    const plain = full.count();
    await after(200);
    const stillPlain = full.count();
    quietForMs = 1_000;
    await after(150);
    full.stop();
    expect(plain).toBeGreaterThan(0);
    expect(stillPlain).toBe(plain);
    expect(full.count()).toBe(plain + 1);
  });
});
