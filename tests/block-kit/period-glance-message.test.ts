import { describe, expect, it } from 'vitest';
import { periodGlance } from '../../src/period/period-glance.ts';
import { periodGlanceMessage } from '../../src/block-kit/period-glance-message.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { decodeCursor } from '../../src/block-kit/cursor.ts';
import { renderMessageText } from '../../src/slack/render-text.ts';
import { periodRecords } from '../support/period-records.ts';

const NOW = Date.UTC(2026, 10, 23, 9);
const glance = periodGlance(periodRecords(), { from: '2013-01-01', to: '2013-12-31' });
const cursor = { query: '2013', offset: 0, mode: 'glance' as const, now: NOW };

type Section = { block_id: string; text: { text: string }; accessory?: { text: { text: string }; action_id: string; value: string } };

describe('periodGlanceMessage', () => {
  const message = periodGlanceMessage({ glance, label: '2013', cursor, buttons: true });
  const byId = (id: string) => message.blocks.find((block) => block.block_id === id) as unknown as Section;

  it("heads the answer with the period's count and its activity line", () => {
    expect(byId('kaesong_summary').text.text).toBe('*2013 at a glance* · 41 events · 3 stories\n▃▃▃█▄▃▄▃▃▃▂▂  by month, Jan–Dec 2013');
  });

  it('gives each story its count, sources, span and activity, and a button to its own timeline', () => {
    expect(byId('kaesong_story_1').text.text).toBe('*Syrian civil war*\n██████▅▅▅▅▅▅  18 events · 24 sources · 3 Jan – 3 Dec 2013');
    expect(byId('kaesong_story_2').text.text).toBe('*2013 Korean crisis*\n▁▁▁█▁▁▁▁▁▁▁▁  9 events · 29 sources · 3–10 Apr 2013');
    const button = byId('kaesong_story_2').accessory!;
    expect([button.text.text, button.action_id]).toEqual(['Story timeline', 'kaesong_story']);
    expect(decodeCursor(button.value)).toEqual({ query: '2013', offset: 0, mode: 'timeline', now: NOW, story: '2013 Korean crisis' });
  });

  it("names a story's parts under it, but not a mere note of its dates", () => {
    const parts = [
      'Syrian civil war in Aleppo',
      'Syrian civil war (2011–present)',
      'Syrian civil war and Russia–United States relations',
      'Syrian civil war in Idlib',
      'Syrian civil war in Homs',
      'Syrian civil war spillover',
    ];
    const withParts = { ...glance, stories: [{ ...glance.stories[0]!, parts }] };
    const story = periodGlanceMessage({ glance: withParts, label: '2013', cursor, buttons: true }).blocks.find(
      (b) => b.block_id === 'kaesong_story_1',
    ) as unknown as Section;
    expect(story.text.text.split('\n')[2]).toBe('_incl. in Aleppo, in Idlib, in Homs and 1 more_');
  });

  it('then shows the most significant events as cards, and ends with Share and Timeline', () => {
    const text = renderMessageText(message, { ansi: false });
    expect(text).toContain(
      'Most significant events\nMon 8 Apr 2013\nNorth Korea withdraws its workers from the Kaesong industrial region.\n',
    );
    const actions = message.blocks[message.blocks.length - 1] as unknown as {
      elements: Array<{ text: { text: string }; action_id: string; value: string }>;
    };
    expect(actions.elements.map((e) => [e.text.text, e.action_id, decodeCursor(e.value)?.mode])).toEqual([
      ['Share in channel', 'kaesong_share', 'glance'],
      ['Timeline', 'kaesong_timeline', 'timeline'],
    ]);
  });

  it('is a valid Slack message with a plain fallback listing the stories and events', () => {
    expect(checkMessage(message)).toEqual([]);
    expect(message.blocks.length).toBe(22);
    expect(message.text.split('\n').slice(0, 6)).toEqual([
      '2013 at a glance: 41 events',
      'Biggest stories:',
      '1. Syrian civil war (18 events, 3 Jan – 3 Dec 2013)',
      '2. 2013 Korean crisis (9 events, 3–10 Apr 2013)',
      "3. 2013 Egyptian coup d'état (3 events, 3–5 Jul 2013)",
      'Most significant events:',
    ]);
  });

  it('has no buttons once shared in the channel', () => {
    const shared = periodGlanceMessage({
      glance,
      label: '2013',
      cursor,
      buttons: false,
      heading: { mrkdwn: 'Shared by <@U1>', plain: 'Shared by <@U1>' },
    });
    expect(JSON.stringify(shared.blocks)).not.toContain('"button"');
    expect(shared.text.startsWith('Shared by <@U1>\n2013 at a glance')).toBe(true);
    expect(checkMessage(shared)).toEqual([]);
  });
});
