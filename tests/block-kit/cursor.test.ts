import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../../src/block-kit/cursor.ts';

const cursor = { query: 'kaesong 2013', offset: 5, mode: 'search' as const, now: Date.UTC(2026, 10, 23, 9) };

describe('encodeCursor / decodeCursor', () => {
  it('round-trips', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("round-trips a glance and a story's timeline", () => {
    const glance = { ...cursor, query: '2013', mode: 'glance' as const, offset: 0 };
    const story = { ...cursor, query: '2013', mode: 'timeline' as const, story: 'Aleppo offensive (November–December 2016)' };
    expect(decodeCursor(encodeCursor(glance))).toEqual(glance);
    expect(decodeCursor(encodeCursor(story))).toEqual(story);
    expect(decodeCursor('{"v":1,"q":"2013","o":0,"m":"t","n":0,"s":""}')).toBeNull();
    expect(decodeCursor('{"v":1,"q":"2013","o":0,"m":"t","n":0,"s":7}')).toBeNull();
  });

  it('keeps any query within the 2000-character button value limit', () => {
    const long = { ...cursor, query: '"\\'.repeat(3000) };
    const value = encodeCursor(long);
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(decodeCursor(value)?.offset).toBe(5);
  });

  it('rejects tampered or garbled values', () => {
    expect(decodeCursor('not json')).toBeNull();
    expect(decodeCursor('{"v":1,"q":"x","o":-5,"m":"s","n":0}')).toBeNull();
    expect(decodeCursor('{"v":2,"q":"x","o":0,"m":"s","n":0}')).toBeNull();
    expect(decodeCursor('{"v":1,"q":7,"o":0,"m":"s","n":0}')).toBeNull();
    expect(decodeCursor('null')).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        decodeCursor(value);
      }),
    );
  });
});
