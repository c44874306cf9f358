import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKaesongApp, type KaesongApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { searcherProvider } from '../../src/slack/searcher-provider.ts';
import { bundledSearcher, corpusDir } from '../hardening/app-harness.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { slashCommandEnvelope, startFakeSocketMode, type FakeSocketMode } from '../support/fake-socket-mode.ts';
import { fixedClock, recordingLogger } from '../support/listener-fakes.ts';

const APP_TOKEN = 'xapp-1-socket-test-secret';
const BOT_TOKEN = 'xoxb-socket-test-secret';

let fake: FakeSlack;
let socket: FakeSocketMode;
let kaesong: KaesongApp;
let logger: ReturnType<typeof recordingLogger>;

beforeEach(async () => {
  fake = await startFakeSlack();
  socket = await startFakeSocketMode();
  fake.answer('apps.connections.open', () => ({ url: socket.url }));
  logger = recordingLogger();
  // The app as main.ts makes it when SLACK_APP_TOKEN is set: no port, no signing secret.
  const config = loadConfig(
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, CORPUS_DIR: corpusDir },
    { slack: true },
  );
  kaesong = createKaesongApp(config, {
    searchers: searcherProvider(await bundledSearcher()),
    clock: fixedClock,
    logger,
    botUserId: 'UBOT',
    botId: 'BBOT',
  });
  expect(await kaesong.start()).toEqual({ port: null });
});

afterEach(async () => {
  await kaesong?.stop(1_000);
  await socket?.close();
  await fake?.close();
});

const slashCommand = (id: string, text: string) => slashCommandEnvelope(id, text, fake.responseUrl(id));

describe('Socket Mode', () => {
  it('connects with the app token and answers a slash command in its acknowledgement', async () => {
    expect(logger.lines).toContain('info connected to Slack in Socket Mode');
    const opened = fake.callsTo('apps.connections.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);

    const ack = await socket.send(slashCommand('env-1', 'kaesong 2013'));
    const reply = JSON.stringify(ack.payload);
    expect(reply).toContain('kaesong · 2013 · 6 events');
    expect(reply).toContain('North Korea pledges to take steps to reopen the Kaesong Industrial Zone');
  });

  it('acknowledges a mention at once and answers it in the thread', async () => {
    const mention = {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> kaesong 2013',
      ts: '1700400000.000100',
      channel: 'C1',
      event_ts: '1700400000.000100',
    };
    const ack = await socket.send({
      envelope_id: 'env-2',
      type: 'events_api',
      accepts_response_payload: false,
      payload: {
        token: 'legacy',
        team_id: 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: 'Ev-socket-1',
        event_time: 1_700_400_000,
        authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
        event: mention,
      },
    });
    expect(ack).toEqual({ envelope_id: 'env-2', payload: {} }); // acknowledged at once, with nothing to say
    await fake.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    const [post] = fake.callsTo('chat.postMessage');
    expect(post!.params['thread_ts']).toBe('1700400000.000100');
    expect(post!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(JSON.stringify(post!.params)).toContain('Kaesong');
  });

  it('reconnects when Slack drops the connection, and keeps answering', async () => {
    socket.drop();
    await socket.connected(2);
    await fake.waitFor((calls) => calls.filter((call) => call.method === 'apps.connections.open').length === 2);
    const ack = await socket.send(slashCommand('env-3', 'keasong'));
    expect(JSON.stringify(ack.payload)).toContain('Kaesong');
    expect(logger.lines.join('\n')).not.toMatch(/xapp-|xoxb-/);
  });
});

describe('Socket Mode re-deliveries', () => {
  const sharePress = (id: string, value: string) => ({
    envelope_id: id,
    type: 'interactive',
    accepts_response_payload: false,
    payload: {
      type: 'block_actions',
      user: { id: 'U2', username: 'ben', team_id: 'T1' },
      api_app_id: 'A1',
      team: { id: 'T1', domain: 'newsroom' },
      container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
      channel: { id: 'C1', name: 'newsdesk' },
      trigger_id: '77.2.3',
      response_url: fake.responseUrl('socket-share'),
      actions: [
        {
          type: 'button',
          action_id: 'kaesong_share',
          block_id: 'kaesong_page_0',
          value,
          text: { type: 'plain_text', text: 'Share in channel' },
          action_ts: '1700500000.1',
        },
      ],
    },
  });

  it('a re-sent Share in channel is acknowledged but shared only once', async () => {
    const ack = await socket.send(slashCommand('env-s1', 'kaesong 2013'));
    const share = JSON.stringify(ack.payload).match(/"action_id":"kaesong_share","value":"((?:[^"\\]|\\.)*)"/);
    const value = JSON.parse(`"${share![1]!}"`) as string;
    await socket.send(sharePress('env-s2', value));
    await fake.waitFor(() => fake.callsTo('response_url').length === 2);
    expect(await socket.send({ ...sharePress('env-s2', value), retry_attempt: 1, retry_reason: 'timeout' })).toEqual({
      envelope_id: 'env-s2',
      payload: {},
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const posts = fake.callsTo('response_url').map((call) => call.params);
    expect(posts.filter((post) => post['response_type'] === 'in_channel')).toHaveLength(1);
    expect(posts.filter((post) => post['delete_original'] === true)).toHaveLength(1);
  });

  it('a re-sent slash command is acknowledged with nothing the second time', async () => {
    const first = await socket.send(slashCommand('env-c1', 'kaesong 2013'));
    expect(JSON.stringify(first.payload)).toContain('kaesong · 2013 · 6 events');
    expect(await socket.send({ ...slashCommand('env-c1', 'kaesong 2013'), retry_attempt: 1, retry_reason: 'timeout' })).toEqual({
      envelope_id: 'env-c1',
      payload: {},
    });
  });
});
