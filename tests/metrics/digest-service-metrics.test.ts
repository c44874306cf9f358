import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { createDigestService, type DigestService } from '../../src/digest/digest-service.ts';
import { observedFetch } from '../../src/metrics/observed-fetch.ts';
import { prometheusMetrics } from '../../src/metrics/prometheus-metrics.ts';
import { silentLogger } from '../../src/model/logger.ts';
import { steppableClock } from '../digest/support.ts';
import { fakeSearcher } from '../support/fake-searcher.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { makeRecord } from '../support/records.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'kaesong-digest-metrics-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

let fake: FakeSlack | null = null;
let digest: DigestService | null = null;
afterEach(async () => {
  await digest?.close();
  await fake?.close();
});

describe('the digest service as main.ts wires it', () => {
  it('counts a refused digest post as a Slack API error and as a failed digest', async () => {
    fake = await startFakeSlack();
    fake.failMethod('chat.postMessage', 'channel_not_found');
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-digest-metrics',
      SLACK_SIGNING_SECRET: 'digest-metrics-secret',
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: `sqlite:${join(dataDir, 'k.db')}`,
    };
    const metrics = prometheusMetrics({ records: () => 1 });
    const searcher = fakeSearcher([
      makeRecord({ id: 'news/2013/11/23/kaesong', date: '2013-11-23', title: 'Kaesong talks resume', image: null }),
    ]);
    digest = await createDigestService(loadConfig(env, { slack: true }), {
      searcher: () => searcher,
      clock: steppableClock('2026-11-22T23:30:00Z'),
      logger: silentLogger,
      metrics,
      fetch: observedFetch(fetch, metrics),
    });
    const subscription = { teamId: 'T1', channelId: 'C1', time: '08:30', timeZone: 'Asia/Seoul', topic: '', quiet: false };
    await digest.store.upsertSubscription(subscription, new Date('2026-11-01T00:00:00Z'));
    const outcome = await digest.runner.runChannel((await digest.store.listSubscriptions())[0]!, '2026-11-23');
    expect(outcome.result).toBe('failed');
    const lines = (await metrics.scrape()).body.split('\n');
    expect(fake.rejections().filter((call) => call.method === 'chat.postMessage')).toHaveLength(1); // a permanent refusal is not retried
    expect(lines).toContain('kaesong_slack_api_errors_total{method="chat.postMessage",code="channel_not_found"} 1');
    expect(lines).toContain('kaesong_digest_posts_total{outcome="failed"} 1');
  });
});
