import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestRunner, type DigestRunnerOptions } from '../../src/digest/digest-runner.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { CLAIM_LEASE_MS, type Store, type SubscriptionInput } from '../../src/store/store.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import type { CorpusRecord } from '../../src/model/record.ts';
import { fakeSearcher } from '../support/fake-searcher.ts';
import { makeRecord } from '../support/records.ts';
import { fakePublisher, recordingLogger, recordingSleep, slackErrors, steppableClock } from './support.ts';

const root = mkdtempSync(join(tmpdir(), 'kaesong-runner-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const freshFile = () => `sqlite:${join(root, `run-${++files}.db`)}`;

const kaesong = makeRecord({ id: 'news/2013/11/23/kaesong', date: '2013-11-23', title: 'Kaesong talks resume', image: null });
const seoul: SubscriptionInput = { teamId: 'T1', channelId: 'C1', time: '08:30', timeZone: 'Asia/Seoul', topic: '', quiet: false };
/** 08:30 in Seoul on 23 Nov 2026. */
const SLOT = '2026-11-22T23:30:00Z';
const SUBSCRIBED = '2026-11-01T00:00:00Z';

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
function open(url: string): Store {
  const store = openSqliteStore(url);
  opened.push(store);
  return store;
}

function setup(overrides: Partial<DigestRunnerOptions> & { records?: CorpusRecord[]; url?: string } = {}) {
  const url = overrides.url ?? freshFile();
  const store = overrides.store ?? open(url);
  const clock = steppableClock(SLOT);
  const publisher = fakePublisher();
  const logger = recordingLogger();
  const { sleep, waits } = recordingSleep();
  let searcher: Searcher | null = fakeSearcher(overrides.records ?? [kaesong]);
  const runner = createDigestRunner({
    store,
    searcher: () => searcher,
    publish: publisher.publish,
    clock,
    logger,
    replicaId: 'replica-a',
    sleep,
    ...overrides,
  });
  const setSearcher = (next: Searcher | null) => {
    searcher = next;
  };
  return { url, store, clock, publisher, logger, waits, runner, setSearcher };
}

describe('digest runner', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(async () => {
    env = setup();
    await env.store.upsertSubscription(seoul, new Date(SUBSCRIBED));
  });

  describe('schedule', () => {
    it('posts at the scheduled minute, once, and records the post', async () => {
      env.clock.set('2026-11-22T23:29:30Z');
      expect(await env.runner.tick()).toEqual([]);
      env.clock.set(SLOT);
      expect(await env.runner.tick()).toEqual([{ channelId: 'C1', localDay: '2026-11-23', result: 'posted', ts: '1700000000.000001' }]);
      env.clock.advance(30_000);
      expect(await env.runner.tick()).toEqual([]);
      expect(env.publisher.posts).toHaveLength(1);
      const post = env.publisher.posts[0]!;
      expect(post.channel).toBe('C1');
      expect(post.unfurl_links).toBe(false);
      expect(post.text).toBe('Daily digest · Mon 23 Nov 2026: 1 on this day\n13 years ago: Kaesong talks resume');
      expect(await env.store.getDigestClaim('C1', '2026-11-23')).toMatchObject({
        state: 'posted',
        ts: '1700000000.000001',
        replicaId: 'replica-a',
      });
      expect((await env.store.getSubscription('T1', 'C1'))?.lastDigestAt).toEqual(new Date(SLOT));
    });

    it('catches up on start-up later the same local day, but never posts a missed earlier day', async () => {
      env.clock.set('2026-11-23T09:00:00Z'); // 18:00 in Seoul, 23 Nov
      expect((await env.runner.tick()).map((o) => [o.localDay, o.result])).toEqual([['2026-11-23', 'posted']]);
      env.clock.set('2026-11-24T15:10:00Z'); // 00:10 on 25 Nov: the 24th was missed entirely
      expect(await env.runner.tick()).toEqual([]);
      env.clock.set('2026-11-24T23:30:00Z');
      expect((await env.runner.tick()).map((o) => [o.localDay, o.result])).toEqual([['2026-11-25', 'nothing-to-say']]);
      expect(env.publisher.posts).toHaveLength(1);
    });

    it('posts nothing on a day with nothing to say, or one quiet line when the channel asked', async () => {
      env.clock.set('2026-11-23T23:30:00Z'); // 24 Nov in Seoul: no events that day
      await env.store.upsertSubscription({ ...seoul, channelId: 'C2', quiet: true }, new Date(SUBSCRIBED));
      const outcomes = await env.runner.tick();
      expect(outcomes.map((o) => [o.channelId, o.result])).toEqual([
        ['C1', 'nothing-to-say'],
        ['C2', 'posted'],
      ]);
      expect(env.publisher.posts.map((p) => [p.channel, p.text])).toEqual([
        ['C2', 'Daily digest · Tue 24 Nov 2026: nothing on this day in earlier years, and nothing new.'],
      ]);
      expect(await env.runner.tick()).toEqual([]);
    });

    it('waits while the corpus is loading', async () => {
      env.setSearcher(null);
      expect(await env.runner.tick()).toEqual([]);
      expect(env.publisher.posts).toEqual([]);
    });

    it('shows records added to the corpus since the last digest as newly added', async () => {
      await env.runner.tick();
      const fresh = makeRecord({ id: 'news/2026/11/23/new', date: '2026-11-23', title: 'Fresh event', sources: [], image: null });
      env.clock.set('2026-11-23T12:00:00Z');
      env.setSearcher(fakeSearcher([kaesong, fresh]));
      env.clock.set('2026-11-23T23:30:00Z');
      await env.runner.tick();
      expect(env.publisher.posts[1]?.text).toBe('Daily digest · Tue 24 Nov 2026: 1 newly added\nNew: Fresh event');
    });
  });

  describe('exactly once', () => {
    it('does not post again after a restart the same day', async () => {
      await env.runner.tick();
      const restarted = setup({ url: env.url, store: open(env.url) });
      restarted.clock.set('2026-11-23T02:00:00Z');
      expect(await restarted.runner.tick()).toEqual([]);
      expect(await restarted.runner.runChannel((await restarted.store.getSubscription('T1', 'C1'))!, '2026-11-23')).toEqual({
        channelId: 'C1',
        localDay: '2026-11-23',
        result: 'taken',
      });
      expect(restarted.publisher.posts).toEqual([]);
    });

    it('posts once when two schedulers share one SQLite file and tick together', async () => {
      for (const channelId of ['C2', 'C3', 'C4', 'C5']) await env.store.upsertSubscription({ ...seoul, channelId }, new Date(SUBSCRIBED));
      const other = setup({ url: env.url, store: open(env.url), replicaId: 'replica-b' });
      other.clock.set(SLOT);
      const [mine, theirs] = await Promise.all([env.runner.tick(), other.runner.tick()]);
      const posted = [...mine, ...theirs]
        .filter((o) => o.result === 'posted')
        .map((o) => o.channelId)
        .sort();
      expect(posted).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
      expect(env.publisher.posts.length + other.publisher.posts.length).toBe(5);
      expect([...mine, ...theirs].filter((o) => o.result !== 'posted').every((o) => o.result === 'taken')).toBe(true);
    });

    it('takes over the day from a replica that crashed mid-post, only after the lease', async () => {
      await env.store.claimDigest('C1', '2026-11-23', 'crashed', new Date(SLOT));
      expect((await env.runner.tick()).map((o) => o.result)).toEqual(['taken']);
      env.clock.advance(CLAIM_LEASE_MS);
      expect((await env.runner.tick()).map((o) => o.result)).toEqual(['posted']);
      expect(env.publisher.posts).toHaveLength(1);
    });
  });

  describe('failures', () => {
    it('waits as long as a 429 Retry-After says, then posts', async () => {
      env.publisher.failNext(slackErrors.rateLimited(7));
      expect((await env.runner.tick()).map((o) => o.result)).toEqual(['posted']);
      expect(env.waits).toEqual([7_000]);
      expect(env.logger.lines).toContain('warn digest: C1/2026-11-23 attempt 1 failed (rate-limited); retrying in 7000 ms');
    });

    it('backs off exponentially on 5xx and network errors', async () => {
      env.publisher.failNext(slackErrors.http(503), slackErrors.network(), slackErrors.http(500));
      expect((await env.runner.tick()).map((o) => o.result)).toEqual(['posted']);
      expect(env.waits).toEqual([1_000, 2_000, 4_000]);
    });

    it('gives up after the last attempt, releases the claim, logs, and tries again after a cool-down', async () => {
      const errors = Array.from({ length: 5 }, () => slackErrors.http(502));
      env.publisher.failNext(...errors);
      expect(await env.runner.tick()).toEqual([
        { channelId: 'C1', localDay: '2026-11-23', result: 'failed', reason: 'Error: HTTP 502 after 5 attempt(s)' },
      ]);
      expect(await env.store.getDigestClaim('C1', '2026-11-23')).toBeNull();
      expect(env.logger.lines).toContain('error digest: C1/2026-11-23 not posted: Error: HTTP 502 after 5 attempt(s)');
      env.clock.advance(60_000);
      expect((await env.runner.tick()).map((o) => o.result)).toEqual(['cooling-down']);
      env.clock.advance(5 * 60_000);
      expect((await env.runner.tick()).map((o) => o.result)).toEqual(['posted']);
    });

    it('does not retry what retrying cannot fix, and releases the day for another replica', async () => {
      env.publisher.failNext(slackErrors.platform('not_in_channel'));
      expect(await env.runner.tick()).toEqual([
        { channelId: 'C1', localDay: '2026-11-23', result: 'failed', reason: 'Slack API error not_in_channel after 1 attempt(s)' },
      ]);
      expect(env.waits).toEqual([]);
      expect(await env.store.claimDigest('C1', '2026-11-23', 'replica-b', new Date(SLOT))).toBe(true);
    });

    it('gives up rather than hold a claim past its lease for a long Retry-After', async () => {
      env.publisher.failNext(slackErrors.rateLimited(3_600));
      expect((await env.runner.tick()).map((o) => o.result)).toEqual(['failed']);
      expect(env.waits).toEqual([]);
    });
  });

  it('paces posts to different channels about a second apart', async () => {
    await env.store.upsertSubscription({ ...seoul, channelId: 'C2' }, new Date(SUBSCRIBED));
    await env.runner.tick();
    expect(env.publisher.posts.map((p) => p.channel)).toEqual(['C1', 'C2']);
    expect(env.waits).toHaveLength(1);
    expect(env.waits[0]).toBeGreaterThan(900);
  });
});

describe('digest runner: a channel whose posts fail', () => {
  it('is told once in a run of failures, with the reason, and not where Slack will not let the bot post', async () => {
    const env = setup();
    await env.store.upsertSubscription({ ...seoul, quiet: true }, new Date(SUBSCRIBED));
    await env.store.upsertSubscription({ ...seoul, channelId: 'G2', quiet: true }, new Date(SUBSCRIBED));
    env.publisher.failIn('C1', slackErrors.platform('msg_blocks_too_long'));
    env.publisher.failIn('G2', slackErrors.platform('channel_not_found'));
    await env.runner.tick();
    expect(env.publisher.posts.map((post) => [post.channel, post.text])).toEqual([
      [
        'C1',
        "Today's daily digest could not be posted here (Slack said `msg_blocks_too_long`). `/kaesong digest status` shows the last error; the next digest is tried as usual.",
      ],
    ]);
    expect((await env.store.getSubscription('T1', 'G2'))?.lastError).toEqual({ reason: 'channel_not_found', at: new Date(SLOT) });

    env.clock.advance(24 * 60 * 60_000);
    env.publisher.failIn('C1', slackErrors.platform('msg_blocks_too_long'));
    await env.runner.tick();
    expect(env.publisher.posts.filter((post) => post.text.startsWith("Today's daily digest"))).toHaveLength(1);
    expect(env.publisher.posts.map((post) => post.channel)).toEqual(['C1', 'G2']); // G2's quiet line got through the next day
    expect((await env.store.getSubscription('T1', 'G2'))?.lastError).toBeNull();
  });
});
