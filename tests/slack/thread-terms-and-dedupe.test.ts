import { describe, expect, it } from 'vitest';
import { threadQuery } from '../../src/slack/thread-terms.ts';
import { EventDedupe } from '../../src/slack/event-dedupe.ts';

describe('threadQuery', () => {
  it('keeps proper nouns and the first year, drops stop words', () => {
    expect(threadQuery('BREAKING: The Kaesong talks are back on, says Seoul in 2013 <@U1>')).toBe('Kaesong Seoul 2013');
  });

  it('falls back to the longest words when nothing is capitalised', () => {
    expect(threadQuery('what happened with the factory reopening talks')).toBe('reopening happened factory');
  });

  it('is null when there is nothing to search for', () => {
    expect(threadQuery('<@U1> :+1: the')).toBeNull();
  });
});

describe('EventDedupe', () => {
  it('says first time once per id and forgets the oldest beyond its capacity', () => {
    const dedupe = new EventDedupe(2);
    expect(['a', 'a', 'b', 'c', 'a'].map((id) => dedupe.firstTime(id))).toEqual([true, false, true, true, true]);
  });
});
