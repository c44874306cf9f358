import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/knowledge/collect-garbage.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { searcherProvider } from '../../src/slack/searcher-provider.ts';

const fakeSearcher = (size: number) => ({ size }) as unknown as Searcher;

describe('searcherProvider', () => {
  it('gives the latest index, and lets an index it no longer gives be collected', async () => {
    const searchers = searcherProvider();
    const collected: number[] = [];
    const registry = new FinalizationRegistry((size: number) => collected.push(size));
    (() => {
      const first = fakeSearcher(1);
      registry.register(first, 1);
      searchers.set(first);
    })();
    const second = fakeSearcher(2);
    searchers.set(second);
    // A registered object stays alive until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(collected).toEqual([1]);
    expect(searchers.current()).toBe(second);
    expect(await searchers.whenReady()).toBe(second);
  });
});
