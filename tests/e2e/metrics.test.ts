import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKaesongApp, type KaesongApp } from '../../src/app.ts';
import { loadSearcher } from '../support/load-searcher.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { prometheusMetrics } from '../../src/metrics/prometheus-metrics.ts';
import { silentLogger } from '../../src/model/logger.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { searcherProvider } from '../../src/slack/searcher-provider.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { fixedClock } from '../support/listener-fakes.ts';
import { buttonPressBody, eventBody, sendSigned, slashCommandBody } from '../support/signed-request.ts';

const SECRET = 'metrics-signing-secret';
const corpusDir = new URL('../../corpus', import.meta.url).pathname;

let searcher: Searcher;
let fake: FakeSlack;
let kaesong: KaesongApp;
let base: string;

beforeAll(async () => {
  searcher = await loadSearcher([corpusDir], silentLogger);
});

beforeEach(async () => {
  fake = await startFakeSlack();
  const config = loadConfig(
    { SLACK_BOT_TOKEN: 'xoxb-metrics-token', SLACK_SIGNING_SECRET: SECRET, PORT: '0', SLACK_API_URL: fake.apiUrl, CORPUS_DIR: corpusDir },
    { slack: true },
  );
  const metrics = prometheusMetrics({ records: () => searcher.size, known: { commands: ['/kaesong'] } });
  kaesong = createKaesongApp(config, {
    searchers: searcherProvider(searcher),
    clock: fixedClock,
    metrics,
    slackClient: { retryConfig: { retries: 0 } },
  });
  const { port } = await kaesong.start();
  base = `http://127.0.0.1:${port}`;
});

afterEach(async () => {
  await kaesong?.stop(1_000);
  await fake?.close();
});

const send = (body: string, contentType: string) => sendSigned(`${base}/slack/events`, SECRET, body, contentType);
const slash = (text: string) => send(slashCommandBody({ text, response_url: fake.responseUrl('r1') }), 'application/x-www-form-urlencoded');
const mention = (text: string, ts: string, eventId: string) =>
  send(eventBody({ type: 'app_mention', user: 'U1', text, ts, channel: 'C1', event_ts: ts }, eventId), 'application/json');

async function scrape(): Promise<{ contentType: string | null; lines: string[] }> {
  const response = await fetch(`${base}/metrics`);
  expect(response.status).toBe(200);
  return { contentType: response.headers.get('content-type'), lines: (await response.text()).split('\n') };
}

describe('GET /metrics beside /healthz on the Slack receiver', () => {
  it('counts a slash command, and times its search and its ack once each', async () => {
    const before = await scrape();
    expect(before.lines).toContain('kaesong_commands_total{command="/kaesong"} 0');

    expect((await slash('kaesong 2013')).status).toBe(200);
    const { contentType, lines } = await scrape();
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(lines).toContain('kaesong_commands_total{command="/kaesong"} 1');
    expect(lines).toContain('kaesong_query_duration_seconds_count{kind="words-and-date"} 1');
    expect(lines).toContain('kaesong_query_duration_seconds_count{kind="timeline"} 0');
    expect(lines).toContain('kaesong_ack_duration_seconds_count{type="command"} 1');
    expect(lines).toContain('kaesong_ack_duration_seconds_bucket{le="3",type="command"} 1');
    expect(lines).toContain('kaesong_mentions_total 0');
  });

  it('reads a timeline and "on this day" as their own kinds', async () => {
    await slash('2013');
    await slash('on this day');
    const { lines } = await scrape();
    // A bare date first counts its period (big enough for a glance?), then reads its timeline page.
    expect(lines).toContain('kaesong_query_duration_seconds_count{kind="timeline"} 2');
    expect(lines).toContain('kaesong_query_duration_seconds_count{kind="on-this-day"} 1');
    expect(lines).toContain('kaesong_query_duration_seconds_count{kind="words"} 0');
    expect(lines).toContain('kaesong_commands_total{command="/kaesong"} 2');
  });

  it('counts a button press by its action id', async () => {
    const ack = (await slash('kaesong')).json as { blocks: Array<{ elements?: Array<{ action_id: string; value: string }> }> };
    const more = ack.blocks.flatMap((block) => block.elements ?? []).find((button) => button.action_id === 'kaesong_more')!;
    expect(
      (
        await send(
          buttonPressBody({ actionId: more.action_id, value: more.value, responseUrl: fake.responseUrl('more') }),
          'application/x-www-form-urlencoded',
        )
      ).status,
    ).toBe(200);
    await fake.waitFor(() => fake.callsTo('response_url').length === 1);
    const { lines } = await scrape();
    expect(lines).toContain('kaesong_button_presses_total{action="kaesong_more"} 1');
    expect(lines).toContain('kaesong_ack_duration_seconds_count{type="action"} 1');
  });

  it('counts a mention, and a Slack API error by method and code', async () => {
    fake.failMethod('chat.postMessage', 'not_in_channel');
    await mention('<@UBOT> kaesong', '1700000100.000200', 'EvMetrics1');
    // The asker is told privately once the refusal is back, so by then it has been counted.
    await fake.waitFor(() => fake.callsTo('chat.postEphemeral').length === 1);
    const { lines } = await scrape();
    expect(lines).toContain('kaesong_mentions_total 1');
    expect(lines).toContain('kaesong_ack_duration_seconds_count{type="event"} 1');
    expect(lines).toContain('kaesong_slack_api_errors_total{method="chat.postMessage",code="not_in_channel"} 1');
    expect(lines.filter((line) => line.startsWith('kaesong_slack_api_errors_total{'))).toHaveLength(1);
  });

  it('counts a mention Slack re-delivers once', async () => {
    const body = eventBody(
      { type: 'app_mention', user: 'U1', text: '<@UBOT> kaesong', ts: '1700000200.000200', channel: 'C1', event_ts: '1700000200.000200' },
      'EvMetrics2',
    );
    await sendSigned(`${base}/slack/events`, SECRET, body, 'application/json');
    await sendSigned(`${base}/slack/events`, SECRET, body, 'application/json', {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    const { lines } = await scrape();
    expect(lines).toContain('kaesong_mentions_total 1');
    expect(lines).toContain('kaesong_ack_duration_seconds_count{type="event"} 2'); // both deliveries were acknowledged
  });

  it('shows the records and the one segment answering, and the process metrics', async () => {
    const { lines } = await scrape();
    expect(lines).toContain('kaesong_records 9');
    expect(lines).toContain('kaesong_index_segments 1');
    expect(lines.some((line) => /^process_resident_memory_bytes \d+$/.test(line))).toBe(true);
    expect(lines.some((line) => /^nodejs_eventloop_lag_seconds [\d.e-]+$/.test(line))).toBe(true);
  });

  it('leaves /healthz as it was', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok', records: 9 });
  });
});
