import { describe, expect, it } from 'vitest';
import { digestMessage, quietDigestMessage } from '../../src/block-kit/digest-blocks.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';
import type { Digest } from '../../src/model/digest.ts';
import { makeRecord } from '../support/records.ts';

const kaesong = makeRecord();
const digest: Digest = {
  localDay: '2026-08-07',
  topic: 'north korea',
  onThisDay: [{ record: kaesong, yearsAgo: 13, label: '13 years ago', score: 14 }],
  onThisDayTotal: 4,
  newlyAdded: [makeRecord({ id: 'news/2026/08/6/x', date: '2026-08-06', title: 'Talks <resume> & "go on"', summary: '', sources: [] })],
  newlyAddedTotal: 1,
};

describe('digestMessage', () => {
  it('shows a long WCEP line once, as a short headline over the rest', () => {
    const line =
      'The Federal Reserve System raises the benchmark interest rate in the United States to a level between 0.5 and 0.75%. ' +
      'This is the second time in a decade that the Federal Reserve has increased interest rates.';
    const wcep = makeRecord({ title: line, summary: line, sources: [{ name: 'NYT', url: null }], date: '2016-12-14' });
    const message = digestMessage({
      ...digest,
      onThisDay: [{ record: wcep, yearsAgo: 10, label: '10 years ago', score: 3 }],
      onThisDayTotal: 1,
    });
    const card = message.blocks[3] as { text: { text: string } };
    expect(card.text.text).toBe(
      '_10 years ago · 14 Dec 2016_\n' +
        '*The Federal Reserve System raises the benchmark interest rate in the United States to a level between 0.5 and 0.75%*\n' +
        'This is the second time in a decade that the Federal Reserve has increased interest rates.',
    );
  });

  it('lays out a header, topic, on-this-day cards with their labels, a "more" hint and newly added', () => {
    const message = digestMessage(digest);
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Daily digest · Fri 7 Aug 2026' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Topic: north korea' }] },
      { type: 'section', text: { type: 'mrkdwn', text: '*On this day*' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            '_13 years ago · 7 Aug 2013_\n' +
            '*<http://www.bbc.co.uk/news/world-asia-23586026|North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.>*\n' +
            'North and South Korea agree to resume talks on reopening the joint Kaesong zone, days after Seoul demanded "final talks" on the matter.',
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '+3 more from this day: `/kaesong 7 August`' }] },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: '*Newly added*' } },
      { type: 'section', text: { type: 'mrkdwn', text: '_6 Aug 2026_\n*Talks &lt;resume&gt; &amp; "go on"*' } },
    ]);
    expect(message.text).toBe(
      'Daily digest · Fri 7 Aug 2026: 4 on this day, 1 newly added\n' +
        '13 years ago: North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.\n' +
        'New: Talks &lt;resume&gt; &amp; "go on"',
    );
    expect(checkMessage(message)).toEqual([]);
  });

  it('puts a note first, names the configured command and leaves out empty parts', () => {
    const message = digestMessage(
      { ...digest, topic: '', newlyAdded: [], newlyAddedTotal: 0 },
      { slashCommand: '/ks', note: 'Preview: not posted' },
    );
    expect(message.blocks.map((block) => block.type)).toEqual(['context', 'header', 'section', 'section', 'context']);
    expect(message.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Preview: not posted' }] });
    expect(message.blocks[4]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '+3 more from this day: `/ks 7 August`' }] });
    expect(message.text.split('\n')[0]).toBe('Preview: not posted');
  });

  it('stays within Block Kit limits with long titles and many cards', () => {
    const long = makeRecord({ title: 'x'.repeat(5_000), summary: 'y'.repeat(5_000), image: null });
    const big: Digest = {
      ...digest,
      topic: 't'.repeat(1_000),
      onThisDay: Array.from({ length: 20 }, () => ({ record: long, yearsAgo: 2, label: '2 years ago', score: 1 })),
      onThisDayTotal: 500,
      newlyAdded: Array.from({ length: 20 }, () => long),
      newlyAddedTotal: 900,
    };
    expect(checkMessage(digestMessage(big))).toEqual([]);
  });
});

describe('quietDigestMessage', () => {
  it('is one line', () => {
    expect(quietDigestMessage('2026-11-23')).toEqual({
      text: 'Daily digest · Mon 23 Nov 2026: nothing on this day in earlier years, and nothing new.',
      blocks: [
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: 'Daily digest · Mon 23 Nov 2026: nothing on this day in earlier years, and nothing new.' }],
        },
      ],
    });
  });
});
