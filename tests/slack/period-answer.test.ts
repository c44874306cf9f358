import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/slack/answer.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { decodeCursor } from '../../src/block-kit/cursor.ts';
import { fakeSearcher } from '../support/fake-searcher.ts';
import { kaesongTimeline, makeRecord } from '../support/records.ts';
import { periodRecords } from '../support/period-records.ts';

const NOW = Date.UTC(2026, 10, 23, 9);
const options = { command: '/kaesong', now: NOW, timeZone: 'UTC' };

function firstLine(message: { text: string }): string {
  return message.text.split('\n')[0]!;
}

function buttons(message: { blocks: unknown[] }): Array<[string, string, unknown]> {
  const actions = message.blocks[message.blocks.length - 1] as {
    type: string;
    elements: Array<{ text: { text: string }; action_id: string; value: string }>;
  };
  expect(actions.type).toBe('actions');
  return actions.elements.map((e) => [e.text.text, e.action_id, decodeCursor(e.value)]);
}

describe('a bare date', () => {
  it("answers a small period with its timeline, as the bundled corpus's 2013", () => {
    const message = answerQuery(fakeSearcher(kaesongTimeline(12)), '2013', options);
    expect(firstLine(message)).toBe('2013 · 12 events · oldest first · showing 1–5');
  });

  it('answers a busy period with the period at a glance', () => {
    const message = answerQuery(fakeSearcher(periodRecords()), '2013', options);
    expect(firstLine(message)).toBe('2013 at a glance: 41 events');
    expect(checkMessage(message)).toEqual([]);
    expect(buttons(message).map(([label, action]) => [label, action])).toEqual([
      ['Share in channel', 'kaesong_share'],
      ['Timeline', 'kaesong_timeline'],
    ]);
  });

  it("pages the period's events in date order from Timeline, with a way back to the glance", () => {
    const message = answerQuery(fakeSearcher(periodRecords()), '2013', { ...options, view: 'list', offset: 5 });
    expect(firstLine(message)).toBe('2013 · 43 events · oldest first · showing 6–10');
    expect(buttons(message).map(([label, action, cursor]) => [label, action, (cursor as { mode: string; offset: number }).offset])).toEqual(
      [
        ['◀ 2013 at a glance', 'kaesong_glance', 0],
        ['Share in channel', 'kaesong_share', 5],
        ['◀ Older', 'kaesong_older', 0],
        ['Newer ▶', 'kaesong_newer', 10],
      ],
    );
    expect(checkMessage(message)).toEqual([]);
  });

  it("opens one story's timeline in the period, oldest first, and pages within it", () => {
    const message = answerQuery(fakeSearcher(periodRecords()), '2013', { ...options, view: 'list', story: '2013 Korean crisis' });
    expect(message.text.split('\n').slice(0, 3)).toEqual([
      '2013 · 2013 Korean crisis · 9 events · oldest first · showing 1–5',
      '1. Wed 3 Apr 2013: 2013 Korean crisis event 18.',
      '2. Thu 4 Apr 2013: 2013 Korean crisis event 19.',
    ]);
    const [back, share, newer] = buttons(message);
    expect(back![0]).toBe('◀ 2013 at a glance');
    expect(share![2]).toEqual({ query: '2013', offset: 0, mode: 'timeline', now: NOW, story: '2013 Korean crisis' });
    expect(newer![2]).toEqual({ query: '2013', offset: 5, mode: 'timeline', now: NOW, story: '2013 Korean crisis' });
    expect(checkMessage(message)).toEqual([]);
  });

  it('reads "last week" against the moment of the search, day by day', () => {
    const busyWeek = Array.from({ length: 28 }, (_, i) =>
      makeRecord({
        id: `news/2013/04/${(i % 7) + 1}/e${i}`,
        date: `2013-04-0${(i % 7) + 1}`,
        title: `Event ${i}.`,
        contexts: [i % 2 === 0 ? 'Crisis A' : 'Crisis B'],
      }),
    );
    const message = answerQuery(fakeSearcher(busyWeek), 'last week', { ...options, now: Date.UTC(2013, 3, 12, 9) });
    const summary = (message.blocks[0] as { text: { text: string } }).text.text;
    expect(summary).toBe('*last week at a glance* · 28 events · 2 stories\n███████  by day, 1–7 Apr 2013');
  });

  it('keeps words with a date a search, never a glance', () => {
    const message = answerQuery(fakeSearcher(periodRecords()), 'korean 2013', options);
    expect(firstLine(message)).toBe('korean · 2013 · 8 events · showing 1–5');
  });
});
