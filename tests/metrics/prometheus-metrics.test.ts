import { describe, expect, it } from 'vitest';
import { prometheusMetrics } from '../../src/metrics/prometheus-metrics.ts';

const scrapeLines = async (metrics: ReturnType<typeof prometheusMetrics>) => (await metrics.scrape()).body.split('\n');

describe('prometheusMetrics', () => {
  it('counts reloads by outcome with their durations, and digest runs by outcome, from 0', async () => {
    const metrics = prometheusMetrics({ records: () => 114_184 });
    expect(await scrapeLines(metrics)).toContain('kaesong_reloads_total{outcome="failed"} 0');
    metrics.reloaded('changed', 3.2);
    metrics.reloaded('unchanged', 0.04);
    metrics.digestPost('posted');
    metrics.digestPost('posted');
    metrics.digestPost('failed');
    const lines = await scrapeLines(metrics);
    expect(lines).toEqual(
      expect.arrayContaining([
        'kaesong_reloads_total{outcome="changed"} 1',
        'kaesong_reloads_total{outcome="unchanged"} 1',
        'kaesong_reloads_total{outcome="failed"} 0',
        'kaesong_reload_duration_seconds_count 2',
        'kaesong_reload_duration_seconds_sum 3.24',
        'kaesong_reload_duration_seconds_bucket{le="0.05"} 1',
        'kaesong_reload_duration_seconds_bucket{le="5"} 2',
        'kaesong_digest_posts_total{outcome="posted"} 2',
        'kaesong_digest_posts_total{outcome="failed"} 1',
        'kaesong_digest_posts_total{outcome="taken"} 0',
        'kaesong_records 114184',
        'kaesong_index_segments 1',
      ]),
    );
  });

  it('shows the live index’s delta, tombstones and segments after each change, and each compaction’s duration', async () => {
    const metrics = prometheusMetrics({ records: () => 114_190 });
    metrics.liveIndexSize({ deltaRecords: 12, tombstones: 3 });
    metrics.compacted(14.5);
    expect(await scrapeLines(metrics)).toEqual(
      expect.arrayContaining([
        'kaesong_index_delta_records 12',
        'kaesong_index_tombstones 3',
        'kaesong_index_segments 2',
        'kaesong_compaction_duration_seconds_count 1',
        'kaesong_compaction_duration_seconds_sum 14.5',
        'kaesong_compaction_duration_seconds_bucket{le="10"} 0',
        'kaesong_compaction_duration_seconds_bucket{le="20"} 1',
      ]),
    );
    metrics.liveIndexSize({ deltaRecords: 0, tombstones: 0 });
    expect(await scrapeLines(metrics)).toEqual(
      expect.arrayContaining(['kaesong_index_delta_records 0', 'kaesong_index_tombstones 0', 'kaesong_index_segments 1']),
    );
  });

  it('keeps each instance’s counts apart: nothing is registered globally', async () => {
    const first = prometheusMetrics({ records: () => null });
    const second = prometheusMetrics({ records: () => null });
    first.slackApiFailed('chat.postMessage', 'not_in_channel');
    expect(await scrapeLines(first)).toContain('kaesong_slack_api_errors_total{method="chat.postMessage",code="not_in_channel"} 1');
    expect((await scrapeLines(second)).some((line) => line.startsWith('kaesong_slack_api_errors_total{'))).toBe(false);
  });
});
