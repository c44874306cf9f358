import { describe, expect, it } from 'vitest';
import { appMentionCallback } from '../../../src/slack/listeners/events/app-mention.ts';
import { directMessageCallback } from '../../../src/slack/listeners/events/direct-message.ts';
import { checkMessage } from '../../../src/block-kit/limits.ts';
import { fakeSearcher } from '../../support/fake-searcher.ts';
import { kaesongTimeline } from '../../support/records.ts';
import { fakeClient, fakeDeps } from '../../support/listener-fakes.ts';

function mention(text: string, extra: Record<string, unknown> = {}, eventId = 'Ev1') {
  const event = { type: 'app_mention', user: 'U1', text, ts: '1700000000.000200', channel: 'C1', event_ts: '1700000000.000200', ...extra };
  return { event, body: { event_id: eventId, event }, context: { botUserId: 'UBOT', retryNum: undefined } };
}

describe('app_mention', () => {
  it('answers in a thread under the mention', async () => {
    const { client, postMessage } = fakeClient();
    await appMentionCallback(fakeDeps(fakeSearcher(kaesongTimeline(3))))({ ...mention('<@UBOT> kaesong'), client } as never);
    expect(postMessage.calls).toHaveLength(1);
    const post = postMessage.calls[0]!;
    expect(post).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000200', unfurl_links: false, unfurl_media: false });
    expect(String(post['text']).split('\n')[0]).toBe('kaesong · 3 events');
    expect(checkMessage(post)).toEqual([]);
    expect(JSON.stringify(post['blocks'])).not.toContain('Share in channel');
  });

  it('answers inside the thread the mention was made in', async () => {
    const { client, postMessage } = fakeClient();
    await appMentionCallback(fakeDeps(fakeSearcher(kaesongTimeline(3))))({
      ...mention('<@UBOT> kaesong', { thread_ts: '1699999999.000100' }),
      client,
    } as never);
    expect(postMessage.calls[0]!['thread_ts']).toBe('1699999999.000100');
  });

  it('answers a re-delivered event only once', async () => {
    const deps = fakeDeps(fakeSearcher(kaesongTimeline(3)));
    const { client, postMessage } = fakeClient();
    const callback = appMentionCallback(deps);
    await callback({ ...mention('<@UBOT> kaesong'), client } as never);
    const retry = mention('<@UBOT> kaesong');
    await callback({ ...retry, context: { botUserId: 'UBOT', retryNum: 1 }, client } as never);
    expect(postMessage.calls).toHaveLength(1);
  });

  it('ignores bots and itself', async () => {
    const { client, postMessage } = fakeClient();
    const callback = appMentionCallback(fakeDeps(fakeSearcher(kaesongTimeline(3))));
    await callback({ ...mention('<@UBOT> kaesong', { bot_id: 'B2' }, 'Ev2'), client } as never);
    await callback({ ...mention('<@UBOT> kaesong', { user: 'UBOT' }, 'Ev3'), client } as never);
    expect(postMessage.calls).toHaveLength(0);
  });

  it('with no query in a thread, searches the key words of the thread’s first message', async () => {
    const { client, postMessage, replies } = fakeClient('BREAKING: the Kaesong talks are back on, says Seoul &amp; co. in 2013');
    const searcher = fakeSearcher(kaesongTimeline(12));
    await appMentionCallback(fakeDeps(searcher))({ ...mention('<@UBOT>', { thread_ts: '1699999999.000100' }), client } as never);
    expect(replies.calls).toEqual([{ channel: 'C1', ts: '1699999999.000100', limit: 1 }]);
    expect(searcher.queries[0]).toMatchObject({ terms: ['Kaesong', 'Seoul'], dateLabel: '2013' });
    const post = postMessage.calls[0]!;
    expect(String(post['text']).split('\n')[0]).toBe('Background for: Kaesong Seoul · 2013 (words from the thread’s first message)');
    expect(checkMessage(post)).toEqual([]);
  });

  it('tells the user privately to invite the bot when it is not in the channel', async () => {
    const deps = fakeDeps(fakeSearcher(kaesongTimeline(3)));
    const { client, postMessage, postEphemeral } = fakeClient();
    postMessage.failWith('not_in_channel');
    await appMentionCallback(deps)({ ...mention('<@UBOT> kaesong'), client } as never);
    expect(postEphemeral.calls).toEqual([
      {
        channel: 'C1',
        user: 'U1',
        thread_ts: '1700000000.000200',
        text: 'I am not in this channel, so I cannot post here. Invite me to the channel with /invite @Kaesong',
      },
    ]);
    expect(deps.logger.lines).toEqual(['warn could not post in C1 Slack API error not_in_channel']);
  });

  it('says so when the thread’s first message is gone', async () => {
    const { client, replies, postEphemeral, postMessage } = fakeClient('x');
    replies.failWith('thread_not_found');
    await appMentionCallback(fakeDeps(fakeSearcher([])))({ ...mention('<@UBOT>', { thread_ts: '1.0' }), client } as never);
    expect(postMessage.calls).toHaveLength(0);
    expect(postEphemeral.calls[0]!['text']).toBe('That thread is gone (the first message was deleted), so I have nothing to go on.');
  });
});

describe('message.im', () => {
  function dm(extra: Record<string, unknown> = {}, eventId = 'EvDM') {
    const event = { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'kaesong', ts: '5.5', ...extra };
    return { event, body: { event_id: eventId, event }, context: { botUserId: 'UBOT' } };
  }

  it('answers in the DM', async () => {
    const { client, postMessage } = fakeClient();
    await directMessageCallback(fakeDeps(fakeSearcher(kaesongTimeline(2))))({ ...dm(), client } as never);
    expect(postMessage.calls[0]).toMatchObject({ channel: 'D1' });
    expect(postMessage.calls[0]).not.toHaveProperty('thread_ts');
  });

  it('skips edits, bot messages and other channel types', async () => {
    const { client, postMessage } = fakeClient();
    const callback = directMessageCallback(fakeDeps(fakeSearcher(kaesongTimeline(2))));
    await callback({ ...dm({ subtype: 'message_changed' }, 'a'), client } as never);
    await callback({ ...dm({ bot_id: 'B1' }, 'b'), client } as never);
    await callback({ ...dm({ channel_type: 'channel' }, 'c'), client } as never);
    await callback({ ...dm({ user: 'UBOT' }, 'd'), client } as never);
    expect(postMessage.calls).toHaveLength(0);
  });
});
