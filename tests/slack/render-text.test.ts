import { describe, expect, it } from 'vitest';
import { mrkdwnToText, renderMessageText } from '../../src/slack/render-text.ts';

describe('mrkdwnToText', () => {
  it('shows links as "label (url)" and decodes entities after the markup is gone', () => {
    expect(mrkdwnToText('*<https://x.org/?a=1&amp;b=2|Head &lt;line&gt;>* by <@U1>', { ansi: false })).toBe(
      'Head <line> (https://x.org/?a=1&b=2) by @U1',
    );
  });

  it('uses ANSI bold for a terminal and drops italics markers', () => {
    expect(mrkdwnToText('_Wed 7 Aug 2013_ the *Kaesong* zone', { ansi: true })).toBe('Wed 7 Aug 2013 the \u001b[1mKaesong\u001b[22m zone');
  });
});

describe('renderMessageText', () => {
  it('renders dividers, context lines and buttons readably', () => {
    const text = renderMessageText(
      {
        text: 'fallback',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: '*kaesong* · 1 event' } },
          { type: 'divider' },
          { type: 'context', elements: [{ type: 'mrkdwn', text: 'Sources: <https://bbc.co.uk|BBC>' }] },
          {
            type: 'actions',
            elements: [{ type: 'button', text: { type: 'plain_text', text: 'Share in channel' }, action_id: 'a', value: 'v' }],
          },
        ],
      },
      { ansi: false },
    );
    expect(text).toBe(
      ['kaesong · 1 event', '────────────────────────────────────────', '  Sources: BBC (https://bbc.co.uk)', '[Share in channel]'].join(
        '\n',
      ),
    );
  });

  it("shows a section's button after its text", () => {
    const section = {
      type: 'section' as const,
      text: { type: 'mrkdwn' as const, text: '*Syrian civil war*\n▅▃█  247 events' },
      accessory: { type: 'button' as const, text: { type: 'plain_text' as const, text: 'Story timeline' }, action_id: 'a', value: 'v' },
    };
    expect(renderMessageText({ text: 'f', blocks: [section] }, { ansi: false })).toBe(
      'Syrian civil war\n▅▃█  247 events  [Story timeline]',
    );
  });
});
