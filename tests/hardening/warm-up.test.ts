import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { bundledSearcher, responsesTo, startHarness, type Harness } from './app-harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ searcher: null });
});

afterAll(async () => {
  await h?.stop();
});

describe('requests that arrive while the index is still building', () => {
  it('are all acknowledged at once, then answered when the index is ready', async () => {
    expect((await fetch(`${h.base}/healthz`)).status).toBe(503);

    const command = await h.slash('kaesong 2013', 'warm-command');
    expect(command.status).toBe(200);
    expect(command.json).toEqual({ response_type: 'ephemeral', text: 'Warming up, one moment…' });

    const mention = await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> kaesong 2013',
        ts: '1700200000.000100',
        channel: 'C1',
        event_ts: '1700200000.000100',
      },
      'Ev-warm-1',
    );
    const dm = await h.event(
      {
        type: 'message',
        channel_type: 'im',
        user: 'U1',
        text: 'kaesong talks',
        ts: '1700200001.000100',
        channel: 'D1',
        event_ts: '1700200001.000100',
      },
      'Ev-warm-2',
    );
    expect([mention.status, dm.status]).toEqual([200, 200]);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(responsesTo(h.fake, 'warm-command')).toEqual([]);

    h.searchers.set(await bundledSearcher());
    await h.fake.waitFor(
      (calls) =>
        calls.filter((call) => call.method === 'chat.postMessage').length === 2 && responsesTo(h.fake, 'warm-command').length === 1,
    );

    const [answer] = responsesTo(h.fake, 'warm-command');
    expect(String(answer!['text']).split('\n')[0]).toBe('kaesong · 2013 · 6 events · showing 1–5');
    expect(checkMessage(answer)).toEqual([]);

    const posts = h.fake.callsTo('chat.postMessage').map((call) => call.params);
    const inThread = posts.find((post) => post['channel'] === 'C1')!;
    expect(inThread['thread_ts']).toBe('1700200000.000100');
    expect(String(inThread['text']).split('\n')[0]).toBe('kaesong · 2013 · 6 events · showing 1–5');
    const inDm = posts.find((post) => post['channel'] === 'D1')!;
    expect(inDm['thread_ts']).toBeUndefined();
    expect(String(inDm['text']).split('\n')[0]).toMatch(/^kaesong talks · \d+ events/);
    for (const post of posts) expect(checkMessage({ text: post['text'], blocks: post['blocks'] })).toEqual([]);
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
  });
});
