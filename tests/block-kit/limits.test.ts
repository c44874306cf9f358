import { describe, expect, it } from 'vitest';
import { checkMessage, checkView } from '../../src/block-kit/limits.ts';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (text: string, value = 'v', action_id = 'a') => ({ type: 'button', text: { type: 'plain_text', text }, value, action_id });

describe('checkMessage', () => {
  it('accepts a small valid message', () => {
    expect(
      checkMessage({ text: 'hi', blocks: [section('*hi* <https://x.org|x> &amp; <@U1>')], unfurl_links: false, unfurl_media: false }),
    ).toEqual([]);
  });

  it('requires a plain text fallback', () => {
    expect(checkMessage({ blocks: [section('x')] })).toEqual(['message has no plain text fallback']);
  });

  it('rejects more than 50 blocks', () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(checkMessage({ text: 't', blocks })).toEqual(['51 blocks (max 50)']);
  });

  it('rejects section text over 3000 characters and empty text', () => {
    expect(checkMessage({ text: 't', blocks: [section('x'.repeat(3001)), section('')] })).toEqual([
      'blocks[0].text is 3001 chars (max 3000)',
      'blocks[1].text is empty',
    ]);
  });

  it('rejects a header over 150 characters or in mrkdwn', () => {
    expect(checkMessage({ text: 't', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] })).toEqual([
      'blocks[0].text is 151 chars (max 150)',
    ]);
    expect(checkMessage({ text: 't', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }] })).toEqual([
      'blocks[0].text must be plain_text',
    ]);
  });

  it('rejects more than 10 context elements', () => {
    const elements = Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' }));
    expect(checkMessage({ text: 't', blocks: [{ type: 'context', elements }] })).toEqual(['blocks[0].elements must hold 1-10 items']);
  });

  it('checks button text, value, and action_id uniqueness', () => {
    const blocks = [{ type: 'actions', elements: [button('b'.repeat(76)), button('ok', 'v'.repeat(2001), 'b'), button('dup', 'v', 'b')] }];
    expect(checkMessage({ text: 't', blocks })).toEqual([
      'blocks[0].elements[0].text is 76 chars (max 75)',
      'blocks[0].elements[1].value longer than 2000',
      'blocks[0].elements[2].action_id "b" is not unique in its block',
    ]);
  });

  it('rejects long or duplicate block_ids', () => {
    const blocks = [
      { type: 'divider', block_id: 'x'.repeat(256) },
      { type: 'divider', block_id: 'a' },
      { type: 'divider', block_id: 'a' },
    ];
    expect(checkMessage({ text: 't', blocks })).toEqual(['blocks[0].block_id longer than 255', 'blocks[2].block_id "a" is not unique']);
  });

  it('requires alt text and an http(s) URL on images', () => {
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: 'x' }, accessory: { type: 'image', image_url: 'ftp://x', alt_text: '' } },
    ];
    expect(checkMessage({ text: 't', blocks })).toEqual([
      'blocks[0].accessory.image_url must be an http(s) URL of at most 3000 chars',
      'blocks[0].accessory.alt_text must be 1-2000 chars',
    ]);
  });

  it('finds unescaped &, < and > in mrkdwn', () => {
    expect(checkMessage({ text: 't', blocks: [section('AT&T')] })).toEqual(['blocks[0].text has an unescaped "&"']);
    expect(checkMessage({ text: 't', blocks: [section('a <b> c')] })).toEqual(['blocks[0].text has an unescaped "<"']);
  });

  it('insists link unfurling is off when the flags are present', () => {
    expect(checkMessage({ text: 't', unfurl_links: true, unfurl_media: false })).toEqual(['unfurl_links must be false']);
  });
});

describe('checkMessage: what Slack refuses beyond the limits', () => {
  it('checks the escaping of the top-level text', () => {
    expect(checkMessage({ text: '/kaesong <words and dates>' })).toEqual(['text has an unescaped "<"']);
    expect(checkMessage({ text: 'Shared by <@U2> &amp; <https://x.org|x>' })).toEqual([]);
  });

  it('refuses emoji on mrkdwn, verbatim on plain_text and a button style other than primary or danger', () => {
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: 'x', emoji: true } },
      { type: 'context', elements: [{ type: 'plain_text', text: 'x', verbatim: true }] },
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'b' }, action_id: 'a', style: 'secondary' }] },
    ];
    expect(checkMessage({ text: 't', blocks })).toEqual([
      'blocks[0].text is mrkdwn and cannot have emoji',
      'blocks[1].elements[0] is plain_text and cannot have verbatim',
      'blocks[2].elements[0].style must be primary or danger',
    ]);
  });
});

describe('checkView', () => {
  it('allows 100 blocks in a Home tab and needs a short title on a modal', () => {
    const blocks = Array.from({ length: 100 }, () => ({ type: 'divider' }));
    expect(checkView({ type: 'home', blocks })).toEqual([]);
    expect(checkView({ type: 'home', blocks: [...blocks, { type: 'divider' }] })).toEqual(['101 blocks (max 100)']);
    expect(checkView({ type: 'modal', title: { type: 'plain_text', text: 'x'.repeat(25) }, blocks: [] })).toEqual([
      'view.title is 25 chars (max 24)',
    ]);
  });
});
