import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSearcher } from '../support/load-searcher.ts';
import { silentLogger } from '../../src/model/logger.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { sendSigned, slashCommandBody } from '../support/signed-request.ts';
import { steppableClock } from '../digest/support.ts';
import { digestBotConfig, startDigestBot, type DigestBot } from '../support/digest-bot.ts';

/**
 * A digest only for channels the bot can post in: the real app over HTTP, the strict fake Web API
 * (which knows which channels the bot is in), and a SQLite file.
 */
const SECRET = 'e2e-membership-secret';
const corpusDir = new URL('../../corpus', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'kaesong-membership-e2e-'));
const clock = steppableClock('2026-08-06T23:00:00Z'); // 08:00 on Fri 7 Aug in Seoul

let fake: FakeSlack;
let searcher: Searcher;
let bot: DigestBot;
let responses = 0;

beforeAll(async () => {
  searcher = await loadSearcher([corpusDir], silentLogger);
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startBot(): Promise<void> {
  fake = await startFakeSlack();
  const config = digestBotConfig({
    botToken: 'xoxb-e2e-membership',
    secret: SECRET,
    apiUrl: fake.apiUrl,
    corpusDir,
    database: join(dataDir, `kaesong-${Date.now()}-${Math.random()}.db`),
  });
  bot = await startDigestBot(config, { searcher, clock, replicaId: 'r1' });
}

afterEach(async () => {
  await bot.digest.close();
  await bot.app.stop();
  await fake.close();
  clock.set('2026-08-06T23:00:00Z');
});

/** `/kaesong <text>` in `channel`; resolves with the ephemeral reply. */
async function slash(channel: string, text: string): Promise<string> {
  responses += 1;
  const id = `m-${responses}`;
  await sendSigned(
    bot.events,
    SECRET,
    slashCommandBody({ text, channel_id: channel, response_url: fake.responseUrl(id) }),
    'application/x-www-form-urlencoded',
  );
  await fake.waitFor((calls) => calls.some((call) => call.path === `/response/${id}`));
  return String(fake.calls.find((call) => call.path === `/response/${id}`)!.params['text']);
}

const digestPosts = (channel: string) =>
  fake
    .callsTo('chat.postMessage')
    .filter((call) => call.params['channel'] === channel && String(call.params['text']).startsWith('Daily digest ·'));

describe('/kaesong digest on', () => {
  it('in a private channel the bot was never invited to: says to invite it first and saves nothing', async () => {
    await startBot();
    fake.channel('G1', { member: false, private: true });
    expect(await slash('G1', 'digest on 08:30')).toBe(
      'I cannot post in this channel, so a digest could not arrive. Invite me with `/invite @Kaesong` first, then run `/kaesong digest on` again. Nothing was saved.',
    );
    expect(await slash('G1', 'digest status')).toBe('This channel has no daily digest. Turn one on with `/kaesong digest on 08:30`.');
    clock.set('2026-08-06T23:30:00Z');
    await bot.digest.runner.tick();
    expect(fake.rejections().map((call) => [call.method, call.params['channel'], call.rejected])).toEqual([
      ['chat.postMessage', 'G1', 'channel_not_found'],
    ]);
  });

  it('in a public channel the bot is not in: posts there anyway (chat:write.public), and says so in the channel', async () => {
    await startBot();
    fake.channel('C7', { member: false, private: false });
    expect(await slash('C7', 'digest on 08:30')).toMatch(/^Daily digest on for this channel: every day at 08:30 Asia\/Seoul/);
    clock.set('2026-08-06T23:30:00Z');
    await bot.digest.runner.tick();
    expect(digestPosts('C7')).toHaveLength(1);
  });
});

describe('a subscribed channel whose posts start failing', () => {
  it('is told once, where Slack still lets the bot post, and digest status shows the last error', async () => {
    await startBot();
    expect(await slash('C3', 'digest on 08:30 --quiet')).toMatch(/^Daily digest on for this channel/);
    fake.failNext('chat.postMessage', 'msg_blocks_too_long');
    clock.set('2026-08-06T23:30:00Z');
    await bot.digest.runner.tick();
    const notices = () =>
      fake.callsTo('chat.postMessage').filter((call) => String(call.params['text']).startsWith("Today's daily digest could not be posted"));
    expect(notices().map((call) => [call.params['channel'], call.params['text']])).toEqual([
      [
        'C3',
        "Today's daily digest could not be posted here (Slack said `msg_blocks_too_long`). `/kaesong digest status` shows the last error; the next digest is tried as usual.",
      ],
    ]);

    fake.failNext('chat.postMessage', 'msg_blocks_too_long');
    clock.set('2026-08-07T23:30:00Z'); // the next morning (a quiet line) fails too: not told again
    await bot.digest.runner.tick();
    expect(notices()).toHaveLength(1);
    expect(await slash('C3', 'digest status')).toBe(
      'Daily digest for this channel: every day at 08:30 Asia/Seoul, no topic, a quiet line on days with nothing to say. Last digest: none yet. Last error: `msg_blocks_too_long` on Sat 8 Aug 2026 08:30.',
    );
  });

  it('the bot removed from a private channel: nothing reaches it, and digest status says to invite the bot again', async () => {
    await startBot();
    fake.channel('G2', { member: true, private: true });
    expect(await slash('G2', 'digest on 08:30')).toMatch(/^Daily digest on for this channel/);
    fake.channel('G2', { member: false });
    clock.set('2026-08-06T23:30:00Z');
    await bot.digest.runner.tick();
    expect(digestPosts('G2')).toEqual([]);
    expect(await slash('G2', 'digest status')).toBe(
      'Daily digest for this channel: every day at 08:30 Asia/Seoul, no topic, nothing on days with nothing to say. Last digest: none yet. Last error: `channel_not_found` on Fri 7 Aug 2026 08:30: invite me with `/invite @Kaesong`.',
    );
  });
});
