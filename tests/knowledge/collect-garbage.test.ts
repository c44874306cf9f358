import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage, collectGarbageUntilSettled } from '../../src/knowledge/collect-garbage.ts';

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
    collectGarbage();
    // Every page now half empty: V8's own heuristics would move nothing off them.
    const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!;
    expect(events.length).toBe(200_000);
    expect(old.space_size - old.space_used_size).toBeLessThan(4 * 1024 * 1024);
  });

  it('collects once the given time has passed, as after a swap', async () => {
    const collected: string[] = [];
    const registry = new FinalizationRegistry((name: string) => collected.push(name));
    (() => registry.register({ payload: new Array(1_000).fill('old base') }, 'old base'))();
    await after();
    collectGarbageUntilSettled(50, 10);
    await after(150);
    expect(collected).toEqual(['old base']);
  });

  it('waits for a moment when no request is being answered', async () => {
    // Full collections seen (a young-generation one could collect a test object by itself, so they are counted instead).
    const full: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { detail: { kind: number } }[])
        if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full.push(1);
    });
    observer.observe({ entryTypes: ['gc'] });
    let answering = true;
    collectGarbageUntilSettled(10, 10, () => answering);
    await after(150);
    const whileAnswering = full.length;
    answering = false;
    await after(100);
    observer.disconnect();
    expect(whileAnswering).toBe(0);
    expect(full.length).toBeGreaterThan(0);
  });
});
