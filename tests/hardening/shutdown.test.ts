import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { eventBody, sendSigned } from '../support/signed-request.ts';
import { startFlakySlack, type FlakySlack } from './flaky-slack.ts';
import { BOT_TOKEN, SECRET, startHarness } from './app-harness.ts';

const repo = new URL('../..', import.meta.url).pathname;
const wcep = new URL('../../../shared/data/wcep', import.meta.url).pathname;

let fake: FakeSlack;
let flaky: FlakySlack;
let dir: string;

beforeAll(async () => {
  fake = await startFakeSlack();
  flaky = await startFlakySlack(fake);
  dir = await mkdtemp(join(tmpdir(), 'kaesong-shutdown-'));
});

afterAll(async () => {
  await flaky?.close();
  await fake?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

interface Bot {
  child: ChildProcess;
  output: () => string;
  port: Promise<number>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** The real entry point, as an operator starts it, pointed at the fake Slack. */
function startBot(db: string, corpus = 'corpus'): Bot {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repo,
    env: {
      PATH: process.env['PATH'] ?? '',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: flaky.apiUrl,
      PORT: '0',
      CORPUS_DIR: corpus,
      DATABASE_URL: `sqlite:${db}`,
      INDEX_CACHE_DIR: 'off',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening for Slack on http:\/\/localhost:(\d+)\//.exec(output);
      if (match !== null) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => reject(new Error(`bot exited before listening:\n${output}`)));
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  return { child, output: () => output, port, exit };
}

async function healthy(port: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('bot never became healthy');
}

describe('stopping the app', () => {
  it('waits for a reply in flight, and says so when the grace period runs out first', async () => {
    const h = await startHarness({
      fake,
      apiUrl: flaky.apiUrl,
      slackClient: { timeout: 2_000, retryConfig: { retries: 0 }, rejectRateLimitedCalls: false },
    });
    flaky.script('chat.postMessage', { hang: true });
    const before = flaky.arrivals('chat.postMessage').length;
    const mention = {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> kaesong',
      ts: '1700300009.000100',
      channel: 'C1',
      event_ts: '1700300009.000100',
    };
    await h.event(mention, 'Ev-stop-1');
    while (flaky.arrivals('chat.postMessage').length === before) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await h.kaesong.stop(200)).toBe(false);
    expect(h.logger.lines).toContain('warn stopping with 1 reply still in flight');
  });
});

describe('SIGTERM to the real process', () => {
  it('stops taking requests, finishes the reply in flight, closes the database and exits 0', async () => {
    const db = join(dir, 'k.db');
    const bot = startBot(db);
    try {
      const port = await bot.port;
      await healthy(port);
      expect(existsSync(db)).toBe(true);

      // Slack takes 4 s to accept this reply; SIGTERM arrives while it is on its way.
      flaky.script('chat.postMessage', { delayMs: 4_000 });
      const mention = {
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> kaesong 2013',
        ts: '1700300000.000100',
        channel: 'C1',
        event_ts: '1700300000.000100',
      };
      const events = `http://127.0.0.1:${port}/slack/events`;
      expect((await sendSigned(events, SECRET, eventBody(mention, 'Ev-shutdown-1'), 'application/json')).status).toBe(200);
      while (flaky.arrivals('chat.postMessage').length === 0) await new Promise((resolve) => setTimeout(resolve, 20));

      const signalled = performance.now();
      bot.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const refused = await sendSigned(
        events,
        SECRET,
        eventBody({ ...mention, ts: '1700300001.000100' }, 'Ev-shutdown-2'),
        'application/json',
      ).then(
        () => 'accepted',
        () => 'refused',
      );
      expect(refused).toBe('refused');

      const { code, signal, at } = await bot.exit;
      console.log(`shutdown: exited ${at - signalled < 10_000 ? 'within' : 'AFTER'} 10 s (${Math.round(at - signalled)} ms after SIGTERM)`);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(at - signalled).toBeLessThan(10_000);
      expect(fake.callsTo('chat.postMessage').filter((call) => call.params['thread_ts'] === '1700300000.000100')).toHaveLength(1);
      // SQLite removes its write-ahead log when the last connection closes cleanly.
      expect(existsSync(`${db}-wal`)).toBe(false);
      expect(bot.output()).toMatch(/SIGTERM: stopped/);
      expect(bot.output()).not.toMatch(/xoxb-/);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    }
  }, 60_000);

  it('still exits 0 within 10 s when Slack never answers the reply in flight', async () => {
    const bot = startBot(join(dir, 'k3.db'));
    try {
      const port = await bot.port;
      await healthy(port);
      flaky.script('chat.postMessage', { hang: true }, { hang: true }, { hang: true });
      const before = flaky.arrivals('chat.postMessage').length;
      const mention = {
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> kaesong',
        ts: '1700300002.000100',
        channel: 'C1',
        event_ts: '1700300002.000100',
      };
      await sendSigned(`http://127.0.0.1:${port}/slack/events`, SECRET, eventBody(mention, 'Ev-shutdown-3'), 'application/json');
      while (flaky.arrivals('chat.postMessage').length === before) await new Promise((resolve) => setTimeout(resolve, 20));
      const signalled = performance.now();
      bot.child.kill('SIGTERM');
      const { code, at } = await bot.exit;
      console.log(`shutdown with a hung Slack call: exited ${Math.round(at - signalled)} ms after SIGTERM`);
      expect(code).toBe(0);
      expect(at - signalled).toBeLessThan(10_000);
      expect(bot.output()).toMatch(/warn stopping with 1 reply still in flight\n/);
      expect(bot.output()).toMatch(/SIGTERM: stopped/);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    }
  }, 60_000);

  it.skipIf(!existsSync(wcep))(
    'exits 0 on SIGTERM even while the corpus is still loading (needs ../shared/data/wcep)',
    async () => {
      const bot = startBot(join(dir, 'k2.db'), wcep);
      try {
        const port = await bot.port;
        expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
        bot.child.kill('SIGTERM');
        const { code, signal } = await bot.exit;
        expect({ code, signal }).toEqual({ code: 0, signal: null });
      } finally {
        if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      }
    },
    60_000,
  );
});
