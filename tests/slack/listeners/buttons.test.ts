import { describe, expect, it } from 'vitest';
import { shareInChannelCallback } from '../../../src/slack/listeners/actions/share-in-channel.ts';
import { pageResultsCallback } from '../../../src/slack/listeners/actions/page-results.ts';
import { checkMessage } from '../../../src/block-kit/limits.ts';
import { encodeCursor } from '../../../src/block-kit/cursor.ts';
import { fakeSearcher } from '../../support/fake-searcher.ts';
import { kaesongTimeline } from '../../support/records.ts';
import { FIXED_NOW, fakeDeps, messageRecorder } from '../../support/listener-fakes.ts';

function press(actionId: string, value: string, ephemeral = true) {
  const ack = messageRecorder<unknown>(() => undefined);
  const respond = messageRecorder<Record<string, unknown>>(() => undefined);
  const body = {
    type: 'block_actions',
    user: { id: 'U777' },
    container: { type: 'message', is_ephemeral: ephemeral },
    actions: [{ action_id: actionId, value }],
  };
  return { args: { ack, respond, body, action: body.actions[0] } as never, ack, respond };
}

const cursor = (offset: number, query = 'kaesong', mode: 'search' | 'timeline' = 'search') =>
  encodeCursor({ query, offset, mode, now: FIXED_NOW.getTime() });

describe('Share in channel', () => {
  it('posts the cards for everyone with who shared them, then deletes the ephemeral original', async () => {
    const { args, ack, respond } = press('kaesong_share', cursor(0));
    await shareInChannelCallback(fakeDeps(fakeSearcher(kaesongTimeline(3))))(args);
    expect(ack.calls).toHaveLength(1);
    expect(respond.calls).toHaveLength(2);
    const shared = respond.calls[0]!;
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false, unfurl_links: false });
    expect(String(shared['text']).split('\n')[0]).toBe('Shared by <@U777>');
    expect(JSON.stringify(shared['blocks'])).not.toContain('"actions"');
    expect(checkMessage(shared)).toEqual([]);
    expect(respond.calls[1]).toEqual({ unfurl_links: false, unfurl_media: false, delete_original: true });
  });

  it('answers a tampered value politely', async () => {
    const { args, respond } = press('kaesong_share', '{"v":1,"q":"x","o":"DROP TABLE"}');
    await shareInChannelCallback(fakeDeps(fakeSearcher([])))(args);
    expect(respond.calls).toEqual([
      {
        unfurl_links: false,
        unfurl_media: false,
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That button has expired, run the search again.',
      },
    ]);
  });
});

describe('More results, Older, Newer', () => {
  it('replaces the message with the next page', async () => {
    const { args, respond } = press('kaesong_more', cursor(5));
    await pageResultsCallback(fakeDeps(fakeSearcher(kaesongTimeline(12))))(args);
    const page = respond.calls[0]!;
    expect(page['replace_original']).toBe(true);
    expect(String(page['text']).split('\n').slice(0, 2)).toEqual([
      'kaesong · 12 events · showing 6–10',
      '6. Sat 1 Jun 2013: Kaesong factory workers return, round 6',
    ]);
    expect(checkMessage(page)).toEqual([]);
  });

  it('steps through a timeline with Older and Newer', async () => {
    const { args, respond } = press('kaesong_newer', cursor(5, '2013', 'timeline'));
    await pageResultsCallback(fakeDeps(fakeSearcher(kaesongTimeline(12))))(args);
    const buttons = JSON.stringify(respond.calls[0]!['blocks']);
    expect(buttons).toContain('◀ Older');
    expect(buttons).toContain('Newer ▶');
  });

  it('offers no Share on a page of a message already in the channel', async () => {
    const { args, respond } = press('kaesong_more', cursor(5), false);
    await pageResultsCallback(fakeDeps(fakeSearcher(kaesongTimeline(12))))(args);
    expect(JSON.stringify(respond.calls[0]!['blocks'])).not.toContain('Share in channel');
  });

  it('answers garbage politely', async () => {
    const { args, respond } = press('kaesong_more', 'garbage');
    await pageResultsCallback(fakeDeps(fakeSearcher([])))(args);
    expect(respond.calls[0]!['text']).toBe('That button has expired, run the search again.');
  });
});
