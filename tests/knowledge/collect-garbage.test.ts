import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/knowledge/collect-garbage.ts';

describe('collectGarbage', () => {
  it('collects what nothing refers to any more', async () => {
    const collected: string[] = [];
    const registry = new FinalizationRegistry((name: string) => collected.push(name));
    (() => registry.register({ payload: new Array(1_000).fill('old base') }, 'old base'))();
    // A WeakRef or registration keeps its target alive until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(collected).toEqual(['old base']);
  });
});
