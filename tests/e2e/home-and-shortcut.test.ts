import { afterEach, describe, expect, it } from 'vitest';
import { createDigestCommands } from '../../src/digest/digest-commands.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import type { Store } from '../../src/store/store.ts';
import { bundledSearcher, responsesTo, startHarness, type Harness } from '../hardening/app-harness.ts';
import { fixedClock } from '../support/listener-fakes.ts';
import { nextTriggerId } from '../support/signed-request.ts';

type Block = {
  type: string;
  text?: { text: string };
  elements?: Array<{ text: string | { text: string }; action_id?: string; value?: string }>;
};

let h: Harness | undefined;
let store: Store | undefined;
afterEach(async () => {
  await h?.stop();
  await store?.close();
  h = undefined;
  store = undefined;
});

const textOf = (blocks: Block[]) =>
  blocks
    .map(
      (block) =>
        block.text?.text ??
        (block.elements ?? []).map((element) => (typeof element.text === 'string' ? element.text : element.text.text)).join(' '),
    )
    .filter((text) => text !== '');

/** The digest commands over `store`, as main.ts makes them, with the 08:30 Seoul defaults. */
const digestCommands = (store: Store, searcher: Searcher) =>
  createDigestCommands({
    store,
    searcher: () => searcher,
    clock: fixedClock,
    defaults: { time: '08:30', timeZone: 'Asia/Seoul' },
  });

describe('the App Home tab', () => {
  it('shows what Kaesong does, the corpus, its newest events, and the digests of the channels the user is in', async () => {
    store = openSqliteStore('sqlite::memory:');
    const searcher = await bundledSearcher();
    for (const [channelId, topic] of [
      ['C1', 'north korea'],
      ['C2', ''],
      ['G5', ''],
    ] as const) {
      await store.upsertSubscription(
        { teamId: 'T1', channelId, time: '08:30', timeZone: 'Asia/Seoul', topic, quiet: false },
        fixedClock.now(),
      );
    }
    h = await startHarness({ digest: digestCommands(store, searcher) });
    h.fake.answer('users.conversations', (params) => ({
      channels: params['user'] === 'U1' ? [{ id: 'C1' }, { id: 'G5' }] : [],
      response_metadata: { next_cursor: '' },
    }));
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1700700000.000100' }, 'Ev-home-1');
    await h.fake.waitFor((calls) => calls.some((call) => call.method === 'views.publish'));
    const [publish] = h.fake.callsTo('views.publish');
    expect(publish!.params['user_id']).toBe('U1');
    const view = publish!.params['view'] as { type: string; blocks: Block[] };
    expect(view.type).toBe('home');
    const lines = textOf(view.blocks);
    expect(lines[0]).toBe('Kaesong: background on a story');
    expect(lines[1]).toContain('• `/kaesong kaesong 2013`');
    // The bundled corpus's dates, from its files: news/2013/04/17 … news/2016/02/11 (and one undated article).
    expect(lines[2]).toBe('9 records in the timeline, from 17 Apr 2013 to 11 Feb 2016.');
    expect(lines[3]).toBe('*Latest in the timeline*');
    expect(lines[4]).toMatch(/^_11 Feb 2016_ {2}/);
    expect(lines.at(-2)).toBe('*Daily digests in your channels*');
    expect(lines.at(-1)).toBe('• <#C1> every day at 08:30 Asia/Seoul, topic “north korea”\n• <#G5> every day at 08:30 Asia/Seoul');
    expect(h.fake.rejections()).toEqual([]);
  });

  it('lists the records added in the last 30 days as "Latest added" when there are any', async () => {
    store = openSqliteStore('sqlite::memory:');
    const searcher = await bundledSearcher();
    const added = 'news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks-on-reopening-the-kaesong-industrial-zone';
    await store.noteRecordsSeen(['news/2013/04/17/older'], new Date(0)); // the corpus the bot started with
    await store.noteRecordsSeen([added], new Date(fixedClock.now().getTime() - 24 * 60 * 60_000));
    h = await startHarness({ digest: digestCommands(store, searcher) });
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1700700100.000100' }, 'Ev-home-2');
    await h.fake.waitFor((calls) => calls.some((call) => call.method === 'views.publish'));
    const lines = textOf((h.fake.callsTo('views.publish')[0]!.params['view'] as { blocks: Block[] }).blocks);
    expect(lines.slice(3, 6)).toEqual([
      '*Latest added*',
      '_7 Aug 2013_  <http://www.bbc.co.uk/news/world-asia-23586026|North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.>',
      '*Daily digests in your channels*',
    ]);
  });
});

describe('the Background message shortcut', () => {
  it('answers privately with the message’s key words, in a channel the bot is not in, and can be shared', async () => {
    h = await startHarness();
    h.fake.channel('G9', { member: false, private: true });
    const shortcut = {
      type: 'message_action',
      callback_id: 'kaesong_background',
      trigger_id: nextTriggerId(),
      response_url: h.fake.responseUrl('background'),
      team: { id: 'T1', domain: 'newsroom' },
      channel: { id: 'G9', name: 'privategroup' },
      user: { id: 'U2', username: 'ben', team_id: 'T1' },
      message_ts: '1700600000.000100',
      action_ts: '1700600001.000100',
      message: { type: 'message', user: 'U9', ts: '1700600000.000100', text: 'Seoul says the Kaesong factories could reopen, as in 2013' },
    };
    expect((await h.interact(shortcut)).status).toBe(200);
    await h.fake.waitFor(() => responsesTo(h!.fake, 'background').length === 1);
    const answer = responsesTo(h.fake, 'background')[0]! as { response_type: string; text: string; blocks: Block[] };
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text.split('\n').slice(0, 2)).toEqual([
      'Background for: Seoul Kaesong · 2013 (words from the message)',
      'Seoul Kaesong · 2013 · 3 events',
    ]);
    const share = answer.blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === 'kaesong_share');
    expect(share).toBeDefined();

    await h.press('kaesong_share', share!.value, 'background-share');
    await h.fake.waitFor(() => responsesTo(h!.fake, 'background-share').length === 2);
    expect(responsesTo(h.fake, 'background-share')[0]).toMatchObject({ response_type: 'in_channel' });
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(h.fake.rejections()).toEqual([]);
  });

  it('says so when the message has nothing to search for', async () => {
    h = await startHarness();
    const shortcut = {
      type: 'message_action',
      callback_id: 'kaesong_background',
      trigger_id: nextTriggerId(),
      response_url: h.fake.responseUrl('background-empty'),
      team: { id: 'T1' },
      channel: { id: 'C1' },
      user: { id: 'U2' },
      message_ts: '1.1',
      action_ts: '1.2',
      message: { type: 'message', user: 'U9', ts: '1.1', text: 'thanks 👍' },
    };
    await h.interact(shortcut);
    await h.fake.waitFor(() => responsesTo(h!.fake, 'background-empty').length === 1);
    expect(responsesTo(h.fake, 'background-empty')[0]).toMatchObject({
      response_type: 'ephemeral',
      text: 'I could not find anything to search for in that message. Try /kaesong with some words, e.g. “/kaesong kaesong 2013”.',
    });
  });
});
