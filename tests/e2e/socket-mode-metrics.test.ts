import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKaesongApp, type KaesongApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { prometheusMetrics } from '../../src/metrics/prometheus-metrics.ts';
import { searcherProvider, type SettableSearcherProvider } from '../../src/slack/searcher-provider.ts';
import { bundledSearcher, corpusDir } from '../hardening/app-harness.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { slashCommandEnvelope, startFakeSocketMode, type FakeSocketMode } from '../support/fake-socket-mode.ts';
import { fixedClock } from '../support/listener-fakes.ts';

let fake: FakeSlack;
let socket: FakeSocketMode;
let kaesong: KaesongApp;
let searchers: SettableSearcherProvider;
let base: string;

beforeEach(async () => {
  fake = await startFakeSlack();
  socket = await startFakeSocketMode();
  fake.answer('apps.connections.open', () => ({ url: socket.url }));
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-socket-metrics',
    SLACK_APP_TOKEN: 'xapp-1-socket-metrics',
    SLACK_API_URL: fake.apiUrl,
    CORPUS_DIR: corpusDir,
    METRICS_PORT: '0',
  };
  searchers = searcherProvider();
  const metrics = prometheusMetrics({ records: () => searchers.current()?.size ?? null, known: { commands: ['/kaesong'] } });
  kaesong = createKaesongApp(loadConfig(env, { slack: true }), { searchers, clock: fixedClock, metrics, botUserId: 'UBOT', botId: 'BBOT' });
  const started = await kaesong.start();
  expect(started.port).toBeNull();
  expect(started.metricsPort).toBeGreaterThan(0);
  base = `http://127.0.0.1:${started.metricsPort}`;
});

afterEach(async () => {
  await kaesong?.stop(1_000);
  await socket?.close();
  await fake?.close();
});

const lines = async () => (await (await fetch(`${base}/metrics`)).text()).split('\n');

describe('METRICS_PORT in Socket Mode', () => {
  it('serves /healthz: 503 while warming up, 200 with the records once ready', async () => {
    const warming = await fetch(`${base}/healthz`);
    expect(warming.status).toBe(503);
    expect(await warming.json()).toEqual({ status: 'warming up' });
    searchers.set(await bundledSearcher());
    const ready = await fetch(`${base}/healthz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', records: 9 });
  });

  it('serves /metrics, counting a slash command that came over the socket', async () => {
    searchers.set(await bundledSearcher());
    expect(await lines()).toContain('kaesong_commands_total{command="/kaesong"} 0');
    await socket.send(slashCommandEnvelope('env-1', 'kaesong 2013', fake.responseUrl('env-1')));
    const scraped = await lines();
    expect(scraped).toContain('kaesong_commands_total{command="/kaesong"} 1');
    expect(scraped).toContain('kaesong_ack_duration_seconds_count{type="command"} 1');
    expect(scraped).toContain('kaesong_query_duration_seconds_count{kind="words-and-date"} 1');
    expect(scraped).toContain('kaesong_records 9');
    expect(scraped).toContain('kaesong_index_segments 1');
  });

  it('shows 0 records and 0 segments while warming up', async () => {
    const scraped = await lines();
    expect(scraped).toContain('kaesong_records 0');
    expect(scraped).toContain('kaesong_index_segments 0');
  });

  it('answers 404 for any other path and 405 for a POST', async () => {
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('stops serving when the app stops', async () => {
    await kaesong.stop(1_000);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
