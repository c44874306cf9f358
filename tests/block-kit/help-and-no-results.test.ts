import { describe, expect, it } from 'vitest';
import { helpMessage } from '../../src/block-kit/help.ts';
import { noResultsMessage } from '../../src/block-kit/no-results.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';

const cursor = { query: 'kaesong', offset: 0, mode: 'search' as const, now: 0 };

describe('helpMessage', () => {
  it('shows usage with the configured command name', () => {
    const message = helpMessage('/kaesong');
    expect(checkMessage(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('`/kaesong kaesong 2013`');
    expect(message.text).toBe('/kaesong &lt;words and dates&gt;: background on a story from the timeline. Example: /kaesong kaesong 2013');
  });
});

describe('noResultsMessage', () => {
  it('says what was searched and offers the words without the dates', () => {
    const message = noResultsMessage({ label: 'kaesong · 1999', corrected: null, withoutDates: { total: 12, cursor } });
    expect(checkMessage(message)).toEqual([]);
    expect(message.blocks[0]).toEqual({
      type: 'section',
      block_id: 'kaesong_none',
      text: {
        type: 'mrkdwn',
        text: 'Nothing in the timeline matches *kaesong · 1999*.\nWithout the date range, the same words match 12 events.',
      },
    });
    expect(message.text).toBe('Nothing matches kaesong · 1999.');
  });

  it('suggests a spelling with a button to run it', () => {
    const message = noResultsMessage({ label: 'kaesnog', corrected: { query: 'kaesong', cursor }, withoutDates: null });
    expect(JSON.stringify(message.blocks)).toContain('Did you mean *kaesong*?');
    expect(checkMessage(message)).toEqual([]);
  });

  it('falls back to advice when there is no way out', () => {
    const message = noResultsMessage({ label: '<zzz>', corrected: null, withoutDates: null });
    expect(message.blocks).toHaveLength(1);
    expect(JSON.stringify(message.blocks)).toContain(
      'Nothing in the timeline matches *&lt;zzz&gt;*.\\nTry fewer or broader words, or another spelling.',
    );
  });
});
