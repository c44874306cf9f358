import { describe, expect, it } from 'vitest';
import { kaesongCommandCallback } from '../../../src/slack/listeners/commands/kaesong-command.ts';
import { checkMessage } from '../../../src/block-kit/limits.ts';
import { DIGEST_NOT_SET_UP, type DigestCommandPort } from '../../../src/digest/digest-port.ts';
import { searcherProvider } from '../../../src/slack/searcher-provider.ts';
import { fakeSearcher } from '../../support/fake-searcher.ts';
import { kaesongTimeline } from '../../support/records.ts';
import { fakeDeps, messageRecorder } from '../../support/listener-fakes.ts';

function slash(text: string) {
  const ack = messageRecorder<unknown>(() => undefined);
  const respond = messageRecorder<unknown>(() => undefined);
  const command = { text, team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/kaesong', response_url: 'https://hooks/x' };
  return { args: { command, ack, respond } as never, ack, respond };
}

function blocksText(message: unknown): string {
  return JSON.stringify((message as { blocks: unknown }).blocks);
}

describe('/kaesong', () => {
  it('acks at once with the summary and the cards, visible only to the caller', async () => {
    const { args, ack, respond } = slash('kaesong 2013');
    await kaesongCommandCallback(fakeDeps(fakeSearcher(kaesongTimeline(12))))(args);
    expect(ack.calls).toHaveLength(1);
    const message = ack.calls[0] as Record<string, unknown>;
    expect(message['response_type']).toBe('ephemeral');
    expect(message['unfurl_links']).toBe(false);
    expect(checkMessage(message)).toEqual([]);
    expect(String(message['text']).split('\n')[0]).toBe('kaesong · 2013 · 12 events · showing 1–5');
    expect(blocksText(message)).toContain('More results');
    expect(respond.calls).toHaveLength(0);
  });

  it('answers help for an empty query and for "help"', async () => {
    for (const text of ['', 'help']) {
      const { args, ack } = slash(text);
      await kaesongCommandCallback(fakeDeps(fakeSearcher([])))(args);
      expect(blocksText(ack.calls[0])).toContain('Background on a story, from the timeline.');
    }
  });

  it('says what was searched and how many match without the dates when nothing matches', async () => {
    const { args, ack } = slash('kaesong 1999');
    await kaesongCommandCallback(fakeDeps(fakeSearcher(kaesongTimeline(3))))(args);
    expect(blocksText(ack.calls[0])).toContain(
      'Nothing in the timeline matches *kaesong · 1999*.\\nWithout the date range, the same words match 3 events.',
    );
    expect(checkMessage(ack.calls[0])).toEqual([]);
  });

  it('offers a spelling fix that has results', async () => {
    const { args, ack } = slash('kaesnog');
    await kaesongCommandCallback(fakeDeps(fakeSearcher(kaesongTimeline(3), { kaesnog: ['kaesong'] })))(args);
    expect(blocksText(ack.calls[0])).toContain('Did you mean *kaesong*?');
  });

  it('acks "warming up" while the index loads, then responds with the cards', async () => {
    const searchers = searcherProvider(null);
    const { args, ack, respond } = slash('kaesong');
    const done = kaesongCommandCallback(fakeDeps(null, { searchers }))(args);
    await Promise.resolve();
    expect(ack.calls).toEqual([{ response_type: 'ephemeral', text: 'Warming up, one moment…' }]);
    searchers.set(fakeSearcher(kaesongTimeline(2)));
    await done;
    expect(respond.calls).toHaveLength(1);
    expect(String((respond.calls[0] as { text: string }).text).split('\n')[0]).toBe('kaesong · 2 events');
  });

  it('answers any input, however long or odd, with a valid message', async () => {
    for (const text of ['x'.repeat(10_000), '<@U1> <!channel> &amp; *_~`', '"unbalanced -', '--', '2013-02-30']) {
      const { args, ack } = slash(text);
      await kaesongCommandCallback(fakeDeps(fakeSearcher(kaesongTimeline(3))))(args);
      expect(checkMessage(ack.calls[0])).toEqual([]);
    }
  });

  it('says the digest is not set up when there is no digest port', async () => {
    const { args, ack } = slash('digest on');
    await kaesongCommandCallback(fakeDeps(fakeSearcher([])))(args);
    expect(ack.calls).toEqual([{ response_type: 'ephemeral', text: DIGEST_NOT_SET_UP }]);
  });

  it('hands digest commands to the digest port with who and where', async () => {
    const handled: unknown[] = [];
    const digest: DigestCommandPort = {
      async handle(args, ctx) {
        handled.push([args, ctx]);
        return { text: 'Digest on for this channel at 08:30.' };
      },
    };
    const { args, ack, respond } = slash('digest on 08:30');
    await kaesongCommandCallback(fakeDeps(fakeSearcher([]), { digest }))(args);
    expect(handled).toEqual([['on 08:30', { teamId: 'T1', channelId: 'C1', userId: 'U1' }]]);
    expect(ack.calls).toEqual([undefined]);
    expect(respond.calls).toEqual([
      { unfurl_links: false, unfurl_media: false, response_type: 'ephemeral', text: 'Digest on for this channel at 08:30.' },
    ]);
  });

  it('turns a failing digest port into a polite line', async () => {
    const digest: DigestCommandPort = { handle: async () => Promise.reject(new Error('db down')) };
    const { args, respond } = slash('digest status');
    const deps = fakeDeps(fakeSearcher([]), { digest });
    await kaesongCommandCallback(deps)(args);
    expect((respond.calls[0] as { text: string }).text).toBe(
      'Sorry, something went wrong with that search. Please try again, perhaps with fewer words.',
    );
    expect(deps.logger.lines).toEqual(['error digest command failed Error: db down']);
  });

  it('turns a searcher that throws into a polite line, not a trace', async () => {
    const broken = {
      ...fakeSearcher([]),
      search: () => {
        throw new Error('boom');
      },
    };
    const { args, ack } = slash('kaesong');
    await kaesongCommandCallback(fakeDeps(broken))(args);
    expect((ack.calls[0] as { text: string }).text).toBe(
      'Sorry, something went wrong with that search. Please try again, perhaps with fewer words.',
    );
  });
});
