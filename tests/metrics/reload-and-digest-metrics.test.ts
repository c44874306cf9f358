import { mkdtempSync, rmSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDigestRunner } from '../../src/digest/digest-runner.ts';
import { liveKnowledge, type LiveKnowledge } from '../../src/knowledge/live-knowledge.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { fakeSearcher } from '../support/fake-searcher.ts';
import { recordingLogger } from '../support/listener-fakes.ts';
import { makeRecord } from '../support/records.ts';
import { fakePublisher, recordingSleep, steppableClock } from '../digest/support.ts';
import { recordingMetrics } from './recording-metrics.ts';

describe('liveKnowledge reports each reload', () => {
  let work: string;
  let live: LiveKnowledge | null = null;
  afterEach(async () => {
    await live?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('as unchanged when the files are the same, changed when a new index was swapped in, with its duration', async () => {
    work = await mkdtemp(join(tmpdir(), 'kaesong-reload-metrics-'));
    const corpus = join(work, 'corpus');
    await cp(new URL('../../corpus', import.meta.url).pathname, corpus, { recursive: true });
    const metrics = recordingMetrics();
    live = liveKnowledge([corpus], { cacheDir: null, logger: recordingLogger(), metrics, onIndex: () => {}, watchDelayMs: 60_000 });
    await live.ready;
    expect(metrics.calls).toEqual([]); // the first load is not a reload

    await live.reload();
    await writeFile(join(corpus, 'desk.jsonl'), `${JSON.stringify({ date: '2013-09-16', title: 'Kaesong factories restart' })}\n`);
    await live.reload();
    expect(metrics.calls).toEqual(['reloaded(unchanged)', 'reloaded(changed)', 'liveIndexSize({"deltaRecords":1,"tombstones":0})']);
    expect(metrics.seconds.every((seconds) => seconds > 0 && seconds < 30)).toBe(true);
  });
});

describe('the digest runner reports each channel-day’s outcome', () => {
  const root = mkdtempSync(join(tmpdir(), 'kaesong-digest-metrics-'));
  const stores: Store[] = [];
  afterAll(async () => {
    for (const store of stores) await store.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('posted, then taken for the same day, then failed when Slack refuses another channel', async () => {
    const store = openSqliteStore(`sqlite:${join(root, 'runner.db')}`);
    stores.push(store);
    const subscription = { teamId: 'T1', channelId: 'C1', time: '08:30', timeZone: 'Asia/Seoul', topic: '', quiet: false };
    await store.upsertSubscription(subscription, new Date('2026-11-01T00:00:00Z'));
    await store.upsertSubscription({ ...subscription, channelId: 'C2' }, new Date('2026-11-01T00:00:00Z'));
    const publisher = fakePublisher();
    const metrics = recordingMetrics();
    const runner = createDigestRunner({
      store,
      searcher: () =>
        fakeSearcher([makeRecord({ id: 'news/2013/11/23/kaesong', date: '2013-11-23', title: 'Kaesong talks resume', image: null })]),
      publish: publisher.publish,
      clock: steppableClock('2026-11-22T23:30:00Z'),
      logger: recordingLogger(),
      replicaId: 'replica-a',
      sleep: recordingSleep().sleep,
      retry: { attempts: 1 },
      metrics,
    });
    const [c1, c2] = await store.listSubscriptions();
    expect((await runner.runChannel(c1!, '2026-11-23')).result).toBe('posted');
    expect((await runner.runChannel(c1!, '2026-11-23')).result).toBe('taken');
    publisher.failNext(
      Object.assign(new Error('An API error occurred: channel_not_found'), {
        code: 'slack_webapi_platform_error',
        data: { ok: false, error: 'channel_not_found' },
      }),
    );
    expect((await runner.runChannel(c2!, '2026-11-23')).result).toBe('failed');
    expect(metrics.calls).toEqual(['digestPost(posted)', 'digestPost(taken)', 'digestPost(failed)']);
  });
});
