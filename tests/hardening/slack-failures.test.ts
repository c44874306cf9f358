import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tenRetriesInAboutThirtyMinutes } from '@slack/web-api/dist/retry-policies.js';
import { SLACK_CLIENT_TUNING, worstCaseMs } from '../../src/slack/client-options.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { startFlakySlack, type FlakySlack } from './flaky-slack.ts';
import { bundledSearcher, responsesTo, SECRET, startHarness, type Harness } from './app-harness.ts';
import { sendSigned, slashCommandBody } from '../support/signed-request.ts';

let fake: FakeSlack;
let flaky: FlakySlack;
let h: Harness;
let mentionCount = 0;

beforeAll(async () => {
  fake = await startFakeSlack();
  flaky = await startFlakySlack(fake);
  // Same shape as the real tuning, shorter so a hung call fails within the test's time.
  h = await startHarness({
    fake,
    apiUrl: flaky.apiUrl,
    slackClient: {
      timeout: 400,
      retryConfig: { retries: 2, factor: 2, minTimeout: 50, maxTimeout: 200, randomize: false },
      rejectRateLimitedCalls: false,
      maxRetryAfterSec: 1,
    },
  });
});

const allLines: string[] = [];
afterEach(() => {
  allLines.push(...h.logger.lines);
  h.logger.lines.length = 0;
});

afterAll(async () => {
  await h?.stop();
  await flaky?.close();
  await fake?.close();
});

/** @mentions the bot in C1 and resolves once the handler is done (it posted, told the user, or gave up). */
async function mention(text = 'kaesong 2013'): Promise<string> {
  mentionCount += 1;
  const ts = `1700100${String(mentionCount).padStart(3, '0')}.000200`;
  const response = await h.event(
    { type: 'app_mention', user: 'U1', text: `<@UBOT> ${text}`, ts, channel: 'C1', event_ts: ts },
    `Ev-fail-${mentionCount}`,
  );
  expect(response.status).toBe(200);
  return ts;
}

function postsIn(ts: string) {
  return fake.callsTo('chat.postMessage').filter((call) => call.params['thread_ts'] === ts);
}

function ephemeralsIn(ts: string) {
  return fake
    .callsTo('chat.postEphemeral')
    .filter((call) => call.params['thread_ts'] === ts)
    .map((call) => call.params['text']);
}

async function until(predicate: () => boolean, timeoutMs = 8_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the Web API client is tuned for interactive replies', () => {
  it('times out hung calls and gives up within a minute, unlike the client defaults', () => {
    expect(SLACK_CLIENT_TUNING.timeout).toBeGreaterThan(0);
    // 3 tries of 5 s, backoff 1 s + 2 s, and at most two Retry-After pauses of 20 s.
    expect(worstCaseMs(SLACK_CLIENT_TUNING)).toBe(58_000);
    expect(worstCaseMs({ retryConfig: tenRetriesInAboutThirtyMinutes })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('Slack failing while the bot replies to a mention', () => {
  it.each([
    ['429 with Retry-After: waits the pause, then posts the reply once', 1],
    ['429 asking for a 10-minute pause: tried again after the capped pause instead of going silent', 600],
  ])('%s', async (_name, retryAfter) => {
    flaky.script('chat.postMessage', { status: 429, retryAfter });
    const before = flaky.arrivals('chat.postMessage').length;
    const ts = await mention();
    await until(() => postsIn(ts).length === 1);
    const [first, second] = flaky.arrivals('chat.postMessage').slice(before);
    expect(second! - first!).toBeGreaterThanOrEqual(950);
    expect(postsIn(ts)).toHaveLength(1);
  });

  it('500s: retried, posted once on the third try', async () => {
    flaky.script('chat.postMessage', { status: 500 }, { status: 500 });
    const before = flaky.arrivals('chat.postMessage').length;
    const ts = await mention();
    await until(() => postsIn(ts).length === 1);
    expect(flaky.arrivals('chat.postMessage').length - before).toBe(3);
    expect(h.logger.lines.filter((line) => /^(warn|error)/.test(line))).toEqual([]);
  });

  it('a hung API: the call times out, is retried, and the failure is logged once', async () => {
    flaky.script('chat.postMessage', { hang: true }, { hang: true }, { hang: true });
    const before = flaky.arrivals('chat.postMessage').length;
    const ts = await mention();
    await until(() => h.logger.lines.some((line) => line.includes('could not post in C1')));
    expect(flaky.arrivals('chat.postMessage').length - before).toBe(3);
    expect(postsIn(ts)).toEqual([]);
    expect(h.logger.lines.filter((line) => /^(warn|error)/.test(line))).toEqual([
      'warn could not post in C1 Slack API did not answer in time (gave up after retries)',
    ]);
  });

  for (const code of ['channel_not_found', 'not_in_channel']) {
    it(`${code}: tells the asker privately how to invite the bot, and logs one line`, async () => {
      flaky.script('chat.postMessage', { error: code });
      {
        const ts = await mention();
        await until(() => ephemeralsIn(ts).length === 1);
        expect(ephemeralsIn(ts)[0]).toMatch(/Invite me to the channel with \/invite @Kaesong$/);
        expect(h.logger.lines.filter((line) => /^(warn|error)/.test(line))).toEqual([`warn could not post in C1 Slack API error ${code}`]);
      }
    });
  }

  it('is_archived: tells the asker privately that the channel is archived', async () => {
    flaky.script('chat.postMessage', { error: 'is_archived' });
    {
      const ts = await mention();
      await until(() => ephemeralsIn(ts).length === 1);
      expect(ephemeralsIn(ts)).toEqual(['This channel is archived, so I cannot post in it.']);
    }
  });

  for (const code of ['invalid_auth', 'token_revoked']) {
    it(`${code}: one clear error line for the operator, no token anywhere in the logs`, async () => {
      flaky.script('chat.postMessage', { error: code });
      {
        const ts = await mention();
        await until(() => h.logger.lines.some((line) => line.includes(code)));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(h.logger.lines.filter((line) => /^(warn|error)/.test(line))).toEqual([
          `error could not post in C1 Slack API error ${code}: Slack rejects the bot token; reinstall the app or set a new SLACK_BOT_TOKEN`,
        ]);
        expect(ephemeralsIn(ts)).toEqual([]);
      }
    });
  }
});

describe('what reached the logs across every failure above', () => {
  it('never a token', () => {
    expect(allLines.length).toBeGreaterThan(5);
    for (const line of allLines) expect(line).not.toMatch(/xox[abposr]-|hardening-0000-secret|hardening-signing-secret/);
  });
});

describe('Slack failing while the bot answers a command through its response_url', () => {
  let cold: Harness;
  let responseCount = 0;

  beforeAll(async () => {
    cold = await startHarness({ fake, apiUrl: flaky.apiUrl, searcher: null, slackClient: { timeout: 400 } });
  });

  afterAll(async () => {
    await cold?.stop();
  });

  /** A command while the index warms up: acked at once, answered through response_url once ready. */
  async function warmUpCommand(): Promise<string> {
    responseCount += 1;
    const id = `flaky-${responseCount}`;
    const body = slashCommandBody({ text: 'kaesong 2013', response_url: flaky.responseUrl(id) });
    const ack = await sendSigned(cold.events, SECRET, body, 'application/x-www-form-urlencoded');
    expect(ack.json).toEqual({ response_type: 'ephemeral', text: 'Warming up, one moment…' });
    return id;
  }

  it('a 500 and then a hung response_url: retried after a pause, answered once', async () => {
    flaky.script('response_url', { status: 500 }, { hang: true });
    const id = await warmUpCommand();
    cold.searchers.set(await bundledSearcher());
    await until(() => responsesTo(fake, id).length === 1);
    expect(flaky.arrivals('response_url')).toHaveLength(3);
    expect(String(responsesTo(fake, id)[0]!['text']).split('\n')[0]).toBe('kaesong · 2013 · 6 events · showing 1–5');
    expect(cold.logger.lines.filter((line) => /^(warn|error)/.test(line))).toEqual([]);
  });

  it('an expired response_url (404) is not retried, and is logged once', async () => {
    flaky.script('response_url', { status: 404 });
    const before = flaky.arrivals('response_url').length;
    const id = 'expired';
    const cursor = JSON.stringify({ v: 1, q: 'kaesong', o: 5, m: 's', n: 1_700_000_000_000 });
    expect((await cold.press('kaesong_more', cursor, id, flaky.responseUrl(id))).status).toBe(200);
    await until(() => cold.logger.lines.some((line) => line.includes('respond() failed')));
    expect(flaky.arrivals('response_url').length - before).toBe(1);
    expect(responsesTo(fake, id)).toEqual([]);
    expect(cold.logger.lines.filter((line) => /^(warn|error)/.test(line))).toEqual([
      'warn respond() failed Error: Failed to respond to the response_url: 404 Not Found',
    ]);
    cold.logger.lines.length = 0;
  });
});
