import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSearcher } from '../support/load-searcher.ts';
import { silentLogger } from '../../src/model/logger.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { sendSigned, slashCommandBody } from '../support/signed-request.ts';
import { steppableClock } from '../digest/support.ts';
import { digestBotConfig, startDigestBot, type DigestBot } from '../support/digest-bot.ts';

const SECRET = 'e2e-digest-secret';
const corpusDir = new URL('../../corpus', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'kaesong-digest-e2e-'));
const clock = steppableClock('2026-08-06T23:29:00Z'); // 08:29 on Fri 7 Aug in Seoul

let fake: FakeSlack;
let searcher: Searcher;

/** The bot as main.ts runs it: store, digest commands and scheduler, and the Bolt app in HTTP mode. */
async function startBot(replicaId: string): Promise<DigestBot> {
  const config = digestBotConfig({
    botToken: 'xoxb-e2e-digest',
    secret: SECRET,
    apiUrl: fake.apiUrl,
    corpusDir,
    database: join(dataDir, 'kaesong.db'),
  });
  const bot = await startDigestBot(config, { searcher, clock, replicaId });
  bot.digest.runner.start(25);
  return bot;
}

async function stopBot(bot: DigestBot): Promise<void> {
  await bot.digest.close();
  await bot.app.stop();
}

async function slash(events: string, text: string, responseId: string): Promise<Record<string, unknown>> {
  await sendSigned(
    events,
    SECRET,
    slashCommandBody({ text, response_url: fake.responseUrl(responseId) }),
    'application/x-www-form-urlencoded',
  );
  await fake.waitFor((calls) => calls.some((call) => call.path === `/response/${responseId}`));
  return fake.calls.find((call) => call.path === `/response/${responseId}`)!.params;
}

/** The digests posted (not the "turned on the daily digest here" notices). */
const posts = () => fake.callsTo('chat.postMessage').filter((call) => String(call.params['text']).startsWith('Daily digest ·'));

beforeAll(async () => {
  fake = await startFakeSlack();
  searcher = await loadSearcher([corpusDir], silentLogger);
});

afterAll(async () => {
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('daily digest end to end: real app over HTTP, fake Slack Web API, SQLite file', () => {
  it('posts once at the scheduled minute and not again after a restart', async () => {
    const first = await startBot('replica-1');
    const subscribed = await slash(first.events, 'digest on 08:30 Asia/Seoul', 'on');
    expect(subscribed['text']).toBe(
      'Daily digest on for this channel: every day at 08:30 Asia/Seoul, no topic, nothing on days with nothing to say. The first one comes today at 08:30. See it now with `/kaesong digest preview`.',
    );

    expect(fake.callsTo('chat.postMessage').map((call) => call.params['text'])).toEqual([
      '<@U1> turned on the daily digest here: every day at 08:30 Asia/Seoul, no topic, nothing on days with nothing to say.',
    ]);

    await first.digest.runner.tick();
    expect(posts()).toHaveLength(0);

    clock.set('2026-08-06T23:30:00Z');
    await fake.waitFor(() => posts().length > 0);
    const post = posts()[0]!;
    expect(post.authorization).toBe('Bearer xoxb-e2e-digest');
    expect(post.params['channel']).toBe('C1');
    expect(String(post.params['text']).split('\n')[0]).toBe('Daily digest · Fri 7 Aug 2026: 2 on this day');
    expect(checkMessage(post.params)).toEqual([]);

    clock.set('2026-08-06T23:31:00Z');
    await first.digest.runner.tick();
    await stopBot(first);

    const second = await startBot('replica-2');
    clock.set('2026-08-07T09:00:00Z'); // 18:00 the same day in Seoul: catch-up would post if nothing had
    await second.digest.runner.tick();
    await second.digest.runner.tick();
    const status = await slash(second.events, 'digest status', 'status');
    expect(status['text']).toBe(
      'Daily digest for this channel: every day at 08:30 Asia/Seoul, no topic, nothing on days with nothing to say. Last digest: Fri 7 Aug 2026 08:30.',
    );
    await stopBot(second);
    expect(posts()).toHaveLength(1);
  });
});
