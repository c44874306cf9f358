import { afterEach, describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { responsesTo, startHarness, type Harness } from '../hardening/app-harness.ts';
import { fakeSearcher } from '../support/fake-searcher.ts';
import { makeRecord } from '../support/records.ts';

/**
 * Rules real Slack holds and a lenient fake did not: each test drives the real app over HTTP with
 * signed requests against the strict fake Web API, which refuses what Slack refuses.
 */

type Block = { type: string; block_id?: string; elements?: Array<{ action_id: string; value: string; text: { text: string } }> };
type Message = { text: string; blocks: Block[] };

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const buttons = (message: Message) => message.blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements ?? []);
const blockIds = (message: Message) => message.blocks.map((block) => block.block_id).filter((id) => id !== undefined);

/** "rally 2013" matches nothing; "protest 2013" (the spelling fix) and "rally" (without dates) do. */
const rallyAndProtest = () =>
  fakeSearcher(
    [
      makeRecord({
        id: 'news/2013/05/1/protest',
        date: '2013-05-01',
        title: 'Protest in Seoul over the Kaesong closure',
        summary: 'Workers march.',
        image: null,
      }),
      makeRecord({
        id: 'news/2010/05/1/rally',
        date: '2010-05-01',
        title: 'Rally in Seoul for the Kaesong workers',
        summary: 'Workers gather.',
        image: null,
      }),
    ],
    { rally: ['protest'] },
  );

describe('a reply with both a spelling fix and a "without the dates" way out', () => {
  it('is accepted by Slack as an ack and as a post, and each button runs its own search', async () => {
    h = await startHarness({ searcher: rallyAndProtest() });
    const ack = await h.slash('rally 2013', 'way-out');
    const message = ack.json as Message;
    expect(message.text).toBe('Nothing matches rally · 2013.');
    expect(buttons(message).map((button) => [button.text.text, button.action_id])).toEqual([
      ['Search "protest 2013"', 'kaesong_search'],
      ['Search without dates', 'kaesong_search_undated'],
    ]);

    await h.press('kaesong_search_undated', buttons(message)[1]!.value, 'undated');
    await h.fake.waitFor(() => responsesTo(h!.fake, 'undated').length === 1);
    expect(String(responsesTo(h.fake, 'undated')[0]!['text']).split('\n')[0]).toBe('rally · 1 event');

    await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> rally 2013',
        ts: '1700200000.000100',
        channel: 'C1',
        event_ts: '1700200000.000100',
      },
      'Ev-way-out',
    );
    await h.fake.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    expect(h.fake.callsTo('chat.postMessage')[0]!.params['text']).toBe('Nothing matches rally · 2013.');
    expect(h.fake.rejections()).toEqual([]);
  });

  it('on the bundled corpus too: "/kaesong protest 2013" is acked, and the same mention gets its answer', async () => {
    h = await startHarness();
    const ack = (await h.slash('protest 2013', 'protest')).json as Message;
    expect(buttons(ack).map((button) => button.action_id)).toEqual(['kaesong_search', 'kaesong_search_undated']);
    await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> protest 2013',
        ts: '1700200100.000100',
        channel: 'C1',
        event_ts: '1700200100.000100',
      },
      'Ev-protest',
    );
    await h.fake.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    expect(h.fake.callsTo('chat.postMessage')[0]!.params['text']).toBe('Nothing matches protest · 2013.');
    expect(h.fake.rejections()).toEqual([]);
  });
});

describe('ids and text Slack checks', () => {
  it('More results replaces the page with blocks whose block_ids are all new', async () => {
    h = await startHarness();
    const first = (await h.slash('kaesong', 'page-1')).json as Message;
    const more = buttons(first).find((button) => button.action_id === 'kaesong_more')!;
    await h.press('kaesong_more', more.value, 'page-2');
    await h.fake.waitFor(() => responsesTo(h!.fake, 'page-2').length === 1);
    const second = responsesTo(h.fake, 'page-2')[0] as unknown as Message;
    expect(blockIds(first)).toEqual(['kaesong_summary_0', 'kaesong_page_0']);
    expect(blockIds(second)).toEqual(['kaesong_summary_5', 'kaesong_page_5']);
  });

  it('the help reply escapes its fallback text', async () => {
    h = await startHarness();
    const help = (await h.slash('help', 'help')).json as Message;
    expect(help.text).toBe('/kaesong &lt;words and dates&gt;: background on a story from the timeline. Example: /kaesong kaesong 2013');
    expect(checkMessage(help)).toEqual([]);
    // Sent as built: nothing had to be repaired on the way out.
    expect(h.logger.lines.filter((line) => line.startsWith('warn'))).toEqual([]);
  });
});

describe('an edited message that mentions the bot', () => {
  it('updates the earlier answer in place and never posts a second one', async () => {
    h = await startHarness();
    const ts = '1700300000.000100';
    const mention = { type: 'app_mention', user: 'U1', ts, channel: 'C1', event_ts: ts };
    await h.event({ ...mention, text: '<@UBOT> kaesong 2013' }, 'Ev-edit-1');
    await h.fake.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    const [reply] = h.fake.callsTo('chat.postMessage');
    expect(reply!.params['thread_ts']).toBe(ts);
    await h.event({ ...mention, text: '<@UBOT> kaesong talks', edited: { user: 'U1', ts: '1700300060.000000' } }, 'Ev-edit-2');
    await h.fake.waitFor((calls) => calls.some((call) => call.method === 'chat.update'));
    const [update] = h.fake.callsTo('chat.update');
    expect(update!.params['channel']).toBe('C1');
    expect(update!.params['ts']).toBe(reply!.answer!['ts']);
    expect(String(update!.params['text']).split('\n')[0]).toMatch(/^kaesong talks · \d+ events/);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('is left alone when the earlier answer is not known (e.g. after a restart)', async () => {
    h = await startHarness();
    const ts = '1700300100.000100';
    await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        ts,
        channel: 'C1',
        event_ts: ts,
        text: '<@UBOT> kaesong',
        edited: { user: 'U1', ts: '1700300160.000000' },
      },
      'Ev-edit-3',
    );
    await h.fake.waitFor(() => h!.logger.lines.some((line) => line.includes('edited mention')));
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(h.fake.callsTo('chat.update')).toEqual([]);
  });
});

describe('failures the user is told about', () => {
  it('a mention whose post Slack refuses for an unforeseen reason: the asker is told privately, in one line', async () => {
    h = await startHarness();
    h.fake.failMethod('chat.postMessage', 'team_access_not_granted');
    const ts = '1700400000.000100';
    await h.event({ type: 'app_mention', user: 'U1', text: '<@UBOT> kaesong', ts, channel: 'C1', event_ts: ts }, 'Ev-fail-odd');
    await h.fake.waitFor((calls) => calls.some((call) => call.method === 'chat.postEphemeral'));
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(h.fake.callsTo('chat.postEphemeral').map((call) => call.params)).toMatchObject([
      {
        channel: 'C1',
        user: 'U1',
        thread_ts: ts,
        text: 'I could not post my answer here (Slack said `team_access_not_granted`). Please try again in a minute, or use /kaesong, which answers only you.',
      },
    ]);
  });

  it('a mention whose blocks Slack refuses all the same: the answer is posted again as text alone', async () => {
    h = await startHarness();
    h.fake.failNext('chat.postMessage', 'invalid_blocks');
    const ts = '1700400100.000100';
    await h.event({ type: 'app_mention', user: 'U1', text: '<@UBOT> kaesong 2013', ts, channel: 'C1', event_ts: ts }, 'Ev-fail-blocks');
    await h.fake.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage' && call.rejected === null));
    const [posted] = h.fake.callsTo('chat.postMessage');
    expect(posted!.params['blocks']).toBeUndefined();
    expect(String(posted!.params['text']).split('\n')[0]).toBe('kaesong · 2013 · 6 events · showing 1–5');
    expect(h.fake.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('a Share in channel that fails (the response_url has expired): the presser is told privately', async () => {
    h = await startHarness();
    const ack = (await h.slash('kaesong 2013', 'share-source')).json as Message;
    const share = buttons(ack).find((button) => button.action_id === 'kaesong_share')!;
    h.fake.expireResponseUrl('share-late');
    await h.press('kaesong_share', share.value, 'share-late');
    await h.fake.waitFor((calls) => calls.some((call) => call.method === 'chat.postEphemeral'));
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(h.fake.callsTo('chat.postEphemeral').map((call) => call.params)).toMatchObject([
      {
        channel: 'C1',
        user: 'U2',
        text: 'I could not share this in the channel: this answer is too old to share (Slack allows 30 minutes). Run the search again and press Share in channel on the new answer.',
      },
    ]);
  });
});
