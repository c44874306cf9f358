import { describe, expect, it } from 'vitest';
import { resultsMessage, sharedByHeading } from '../../src/block-kit/results-message.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { decodeCursor } from '../../src/block-kit/cursor.ts';
import { makeHit, makeRecord } from '../support/records.ts';
import { makeQuery } from '../support/queries.ts';

const cursor = { query: 'kaesong 2013', offset: 0, mode: 'search' as const, now: 0 };

function buttonsOf(message: { blocks: unknown[] }): Array<{ action_id: string; value: string; text: { text: string } }> {
  const actions = message.blocks.find((block) => (block as { type: string }).type === 'actions') as { elements: [] } | undefined;
  return actions?.elements ?? [];
}

describe('resultsMessage', () => {
  it('starts with the summary line and carries a plain fallback', () => {
    const page = { query: makeQuery(), total: 6, offset: 0, relaxed: false, hits: [makeHit()] };
    const message = resultsMessage({ page, label: 'kaesong · 2013', cursor, pageSize: 5, buttons: true });
    expect(message.blocks[0]).toEqual({
      type: 'section',
      block_id: 'kaesong_summary_0',
      text: { type: 'mrkdwn', text: '*kaesong · 2013* · 6 events · showing 1–1' },
    });
    expect(message.text).toBe(
      'kaesong · 2013 · 6 events · showing 1–1\n1. Wed 7 Aug 2013: North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.',
    );
    expect(checkMessage(message)).toEqual([]);
  });

  it('offers Share and More results, More pointing at the next page', () => {
    const page = { query: makeQuery(), total: 6, offset: 0, relaxed: false, hits: Array.from({ length: 5 }, () => makeHit()) };
    const buttons = buttonsOf(resultsMessage({ page, label: 'kaesong', cursor, pageSize: 5, buttons: true }));
    expect(buttons.map((button) => button.text.text)).toEqual(['Share in channel', 'More results']);
    expect(decodeCursor(buttons[0]!.value)?.offset).toBe(0);
    expect(decodeCursor(buttons[1]!.value)?.offset).toBe(5);
  });

  it('offers Older and Newer in timeline mode', () => {
    const page = {
      query: makeQuery({ terms: [], timeline: true }),
      total: 20,
      offset: 5,
      relaxed: false,
      hits: Array.from({ length: 5 }, () => makeHit()),
    };
    const buttons = buttonsOf(
      resultsMessage({ page, label: 'Aug 2013', cursor: { ...cursor, mode: 'timeline', offset: 5 }, pageSize: 5, buttons: true }),
    );
    expect(buttons.map((button) => [button.text.text, decodeCursor(button.value)?.offset])).toEqual([
      ['Share in channel', 5],
      ['◀ Older', 0],
      ['Newer ▶', 10],
    ]);
  });

  it('has no More button on the last page and no buttons when shared', () => {
    const page = { query: makeQuery(), total: 1, offset: 0, relaxed: false, hits: [makeHit()] };
    expect(buttonsOf(resultsMessage({ page, label: 'k', cursor, pageSize: 5, buttons: true })).map((b) => b.text.text)).toEqual([
      'Share in channel',
    ]);
    const shared = resultsMessage({ page, label: 'k', cursor, pageSize: 5, buttons: false, heading: sharedByHeading('U123') });
    expect(buttonsOf(shared)).toEqual([]);
    expect(shared.text.split('\n')[0]).toBe('Shared by <@U123>');
    expect(shared.blocks[0]).toEqual({
      type: 'context',
      block_id: 'kaesong_heading',
      elements: [{ type: 'mrkdwn', text: 'Shared by <@U123>' }],
    });
  });

  it('never exceeds 50 blocks: fewer cards, and More picks up where the cards stopped', () => {
    const related = [1, 2, 3].map((n) => ({ id: `r${n}`, title: 'r', date: null, reason: 'x' }));
    const hits = Array.from({ length: 30 }, () => makeHit(makeRecord(), { related }));
    const page = { query: makeQuery(), total: 100, offset: 0, relaxed: false, hits };
    const message = resultsMessage({ page, label: 'k', cursor, pageSize: 30, buttons: true });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(checkMessage(message)).toEqual([]);
    const shownCards = message.blocks.filter((block) => block.type === 'divider').length;
    expect(shownCards).toBe(12);
    expect(decodeCursor(buttonsOf(message)[1]!.value)?.offset).toBe(12);
  });

  it('says when results match only some of the words', () => {
    const page = { query: makeQuery(), total: 2, offset: 0, relaxed: true, hits: [makeHit(), makeHit()] };
    expect(resultsMessage({ page, label: 'kaesong zebra', cursor, pageSize: 5, buttons: false }).text.split('\n')[0]).toBe(
      'kaesong zebra · 2 events · matching some of the words',
    );
  });
});
