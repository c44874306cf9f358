import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKaesongApp, type KaesongApp } from '../../src/app.ts';
import { loadSearcher } from '../support/load-searcher.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/model/logger.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { searcherProvider } from '../../src/slack/searcher-provider.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { buttonPressBody, eventBody, sendSigned, slashCommandBody } from '../support/signed-request.ts';
import { fixedClock } from '../support/listener-fakes.ts';

const SECRET = 'e2e-signing-secret';
const corpusDir = new URL('../../corpus', import.meta.url).pathname;

type Button = { action_id: string; value: string; text: { text: string } };
type Message = { text: string; blocks: Array<{ type: string; elements?: Button[] }> };

let fake: FakeSlack;
let kaesong: KaesongApp;
let events: string;
let base: string;
/** Every message the bot produced: acks, respond() bodies, chat.postMessage params. */
const seen: unknown[] = [];

function buttonsOf(message: Message): Button[] {
  return message.blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements ?? []);
}

function config(apiUrl: string) {
  return loadConfig(
    { SLACK_BOT_TOKEN: 'xoxb-e2e-token', SLACK_SIGNING_SECRET: SECRET, PORT: '0', SLACK_API_URL: apiUrl, CORPUS_DIR: corpusDir },
    { slack: true },
  );
}

async function slash(text: string, responseId: string) {
  const response = await sendSigned(
    events,
    SECRET,
    slashCommandBody({ text, response_url: fake.responseUrl(responseId) }),
    'application/x-www-form-urlencoded',
  );
  if (response.json !== null) seen.push(response.json);
  return response;
}

async function press(button: Button, responseId: string, ephemeral = true) {
  const body = buttonPressBody({
    actionId: button.action_id,
    value: button.value,
    text: button.text,
    responseUrl: fake.responseUrl(responseId),
    ephemeral,
  });
  return sendSigned(events, SECRET, body, 'application/x-www-form-urlencoded');
}

function responsesTo(id: string) {
  return fake.calls.filter((call) => call.path === `/response/${id}`).map((call) => call.params);
}

function mentionEvent(text: string, ts: string, threadTs?: string) {
  return {
    type: 'app_mention',
    user: 'U1',
    text,
    ts,
    channel: 'C1',
    event_ts: ts,
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
  };
}

beforeAll(async () => {
  fake = await startFakeSlack();
  const searcher = await loadSearcher([corpusDir], silentLogger);
  kaesong = createKaesongApp(config(fake.apiUrl), { searchers: searcherProvider(searcher), clock: fixedClock });
  const { port } = await kaesong.start();
  base = `http://127.0.0.1:${port}`;
  events = `${base}/slack/events`;
});

afterAll(async () => {
  await kaesong?.stop();
  await fake?.close();
});

describe('the Slack app over HTTP, against a fake Slack', () => {
  it('answers /healthz with the corpus size', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', records: 9 });
  });

  it('acks /kaesong with the cards, within Slack’s 3 seconds', async () => {
    const response = await slash('kaesong 2013', 'slash-1');
    console.log(`/kaesong ack took ${response.ms.toFixed(0)} ms`);
    expect(response.status).toBe(200);
    const message = response.json as Message & { response_type: string };
    expect(message.response_type).toBe('ephemeral');
    expect(message.text.split('\n')[0]).toMatch(/^kaesong · 2013 · \d+ events/);
    expect(message.text).toContain(
      'Wed 7 Aug 2013: North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.',
    );
    expect(JSON.stringify(message.blocks)).toContain(
      '_Wed 7 Aug 2013_\\n*<http://www.bbc.co.uk/news/world-asia-23586026|North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.>*',
    );
    expect(buttonsOf(message)[0]?.text.text).toBe('Share in channel');
  });

  it('Share in channel posts the cards for everyone, says who shared, and deletes the original', async () => {
    const ack = await slash('kaesong 2013', 'slash-2');
    const share = buttonsOf(ack.json as Message).find((button) => button.action_id === 'kaesong_share')!;
    expect((await press(share, 'share-1')).status).toBe(200);
    await fake.waitFor(() => responsesTo('share-1').length === 2);
    const [shared, deleted] = responsesTo('share-1');
    seen.push(shared);
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(String(shared!['text']).split('\n')[0]).toBe('Shared by <@U2>');
    expect(deleted).toMatchObject({ delete_original: true });
  });

  it('More results, Newer and Older replace the message with the page they point at', async () => {
    const first = await slash('kaesong', 'slash-3');
    const more = buttonsOf(first.json as Message).find((button) => button.action_id === 'kaesong_more');
    expect(more?.text.text).toBe('More results');
    await press(more!, 'more-1');
    await fake.waitFor(() => responsesTo('more-1').length === 1);
    const page2 = responsesTo('more-1')[0]!;
    seen.push(page2);
    expect(page2['replace_original']).toBe(true);
    expect(String(page2['text']).split('\n')[0]).toMatch(/^kaesong · \d+ events · showing 6–/);

    const timeline = await slash('2013', 'slash-4');
    const newer = buttonsOf(timeline.json as Message).find((button) => button.action_id === 'kaesong_newer')!;
    await press(newer, 'newer-1');
    await fake.waitFor(() => responsesTo('newer-1').length === 1);
    const later = responsesTo('newer-1')[0]! as unknown as Message;
    seen.push(later);
    expect(later.text.split('\n')[0]).toBe('2013 · 6 events · oldest first · showing 6–6');
    const older = buttonsOf(later).find((button) => button.action_id === 'kaesong_older')!;
    await press(older, 'older-1');
    await fake.waitFor(() => responsesTo('older-1').length === 1);
    const earlier = responsesTo('older-1')[0]! as unknown as Message;
    seen.push(earlier);
    expect(earlier.text.split('\n')[0]).toBe('2013 · 6 events · oldest first · showing 1–5');
  });

  it('answers a tampered button politely', async () => {
    await press({ action_id: 'kaesong_more', value: '{"v":1,"q":"x","o":-1}', text: { text: 'More results' } }, 'bad-1');
    await fake.waitFor(() => responsesTo('bad-1').length === 1);
    expect(responsesTo('bad-1')[0]!['text']).toBe('That button has expired, run the search again.');
  });

  it('answers an @mention inside a thread, in that thread, and only once when Slack re-delivers it', async () => {
    const body = eventBody(mentionEvent('<@UBOT> kaesong talks', '1700000100.000200', '1700000000.000100'), 'EvMention1');
    expect((await sendSigned(events, SECRET, body, 'application/json')).status).toBe(200);
    await fake.waitFor((calls) =>
      calls.some((call) => call.method === 'chat.postMessage' && call.params['thread_ts'] === '1700000000.000100'),
    );
    const retry = await sendSigned(events, SECRET, body, 'application/json', {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    // A later, different mention is answered; by then the retry has long been handled (or dropped).
    const other = eventBody(mentionEvent('<@UBOT> kaesong', '1700000200.000200'), 'EvMention2');
    await sendSigned(events, SECRET, other, 'application/json');
    await fake.waitFor((calls) =>
      calls.some((call) => call.method === 'chat.postMessage' && call.params['thread_ts'] === '1700000200.000200'),
    );
    const replies = fake.callsTo('chat.postMessage').filter((call) => call.params['thread_ts'] === '1700000000.000100');
    expect(replies).toHaveLength(1);
    seen.push(...fake.callsTo('chat.postMessage').map((call) => call.params));
    expect(String(replies[0]!.params['text']).split('\n')[0]).toMatch(/^kaesong talks · \d+ events/);
    expect(replies[0]!.params).toMatchObject({ channel: 'C1', unfurl_links: false, unfurl_media: false });
    expect(replies[0]!.authorization).toBe('Bearer xoxb-e2e-token');
  });

  it('with no query in a thread, reads the parent and answers about it', async () => {
    fake.answer('conversations.replies', () => ({
      messages: [{ ts: '1700000300.000100', user: 'U9', text: 'Seoul says the Kaesong factories could reopen, as in 2013' }],
    }));
    await sendSigned(
      events,
      SECRET,
      eventBody(mentionEvent('<@UBOT>', '1700000400.000200', '1700000300.000100'), 'EvMention3'),
      'application/json',
    );
    await fake.waitFor((calls) =>
      calls.some((call) => call.method === 'chat.postMessage' && call.params['thread_ts'] === '1700000300.000100'),
    );
    expect(fake.callsTo('conversations.replies').at(-1)?.params).toMatchObject({ channel: 'C1', ts: '1700000300.000100', limit: '1' });
    const reply = fake.callsTo('chat.postMessage').find((call) => call.params['thread_ts'] === '1700000300.000100')!;
    seen.push(reply.params);
    const lines = String(reply.params['text']).split('\n');
    expect(lines[0]).toBe('Background for: Seoul Kaesong · 2013 (words from the thread’s first message)');
    expect(lines[1]).toMatch(/^Seoul Kaesong · 2013 · \d+ events/);
    expect(reply.params['text']).toContain('Wed 7 Aug 2013: North Korea pledges to take steps to reopen the Kaesong Industrial Zone');
  });

  it('rejects a bad or missing signature with 401 and posts nothing', async () => {
    const before = fake.calls.length;
    const body = slashCommandBody({ text: 'kaesong', response_url: fake.responseUrl('forged') });
    const forged = await sendSigned(events, SECRET, body, 'application/x-www-form-urlencoded', { signature: 'v0=deadbeef' });
    const unsigned = await sendSigned(events, SECRET, body, 'application/x-www-form-urlencoded', { signature: null });
    const wrongSecret = await sendSigned(
      events,
      'not-the-secret',
      eventBody(mentionEvent('<@UBOT> kaesong', '1700000500.0002'), 'EvForged'),
      'application/json',
    );
    const stale = await sendSigned(events, SECRET, body, 'application/x-www-form-urlencoded', {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect([forged.status, unsigned.status, wrongSecret.status, stale.status]).toEqual([401, 401, 401, 401]);
    expect(fake.calls.length).toBe(before);
  });

  it('every message seen passes the Block Kit limits check', () => {
    expect(seen.length).toBeGreaterThan(8);
    for (const message of seen) expect(checkMessage(message)).toEqual([]);
  });
});

describe('the Slack app while the index is warming up', () => {
  it('answers /healthz 503 and acks a command with a short line, then responds when ready', async () => {
    const searchers = searcherProvider();
    const cold = createKaesongApp(config(fake.apiUrl), { searchers, clock: fixedClock, botUserId: 'UBOT', botId: 'BBOT' });
    const { port } = await cold.start();
    try {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect([health.status, await health.json()]).toEqual([503, { status: 'warming up' }]);
      const ack = await sendSigned(
        `http://127.0.0.1:${port}/slack/events`,
        SECRET,
        slashCommandBody({ text: 'kaesong', response_url: fake.responseUrl('cold-1') }),
        'application/x-www-form-urlencoded',
      );
      expect(ack.json).toEqual({ response_type: 'ephemeral', text: 'Warming up, one moment…' });
      searchers.set(await loadSearcher([corpusDir], silentLogger));
      await fake.waitFor(() => responsesTo('cold-1').length === 1);
      const answer = responsesTo('cold-1')[0]!;
      expect(String(answer['text']).split('\n')[0]).toMatch(/^kaesong · \d+ events/);
      expect(checkMessage(answer)).toEqual([]);
    } finally {
      await cold.stop();
    }
  });
});
