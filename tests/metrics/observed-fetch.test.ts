import { describe, expect, it } from 'vitest';
import { observedFetch } from '../../src/metrics/observed-fetch.ts';
import { recordingMetrics } from './recording-metrics.ts';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

function observed(answer: () => Promise<Response>) {
  const metrics = recordingMetrics();
  return { metrics, fetch: observedFetch(answer as unknown as typeof fetch, metrics) };
}

describe('observedFetch', () => {
  it('counts an ok:false answer by the Web API method and Slack’s code, and hands the body on untouched', async () => {
    const { metrics, fetch } = observed(async () => json({ ok: false, error: 'not_in_channel' }));
    const response = await fetch('https://slack.com/api/chat.postMessage', { method: 'POST' });
    expect(await response.json()).toEqual({ ok: false, error: 'not_in_channel' });
    expect(metrics.calls).toEqual(['slackApiFailed(chat.postMessage, not_in_channel)']);
  });

  it('counts nothing for ok:true', async () => {
    const { metrics, fetch } = observed(async () => json({ ok: true, ts: '1.2' }));
    await fetch(new URL('https://slack.com/api/auth.test'));
    expect(metrics.calls).toEqual([]);
  });

  it('counts an HTTP failure by its status, and a response_url by that name', async () => {
    const { metrics, fetch } = observed(async () => new Response('expired_url', { status: 404 }));
    expect((await fetch('https://hooks.slack.com/commands/T1/123/abc', { method: 'POST' })).status).toBe(404);
    expect(metrics.calls).toEqual(['slackApiFailed(response_url, http_404)']);
  });

  it('counts a rate-limited call as http_429', async () => {
    const { metrics, fetch } = observed(async () => json({ ok: false, error: 'ratelimited' }, 429));
    await fetch('https://slack.com/api/chat.postMessage');
    expect(metrics.calls).toEqual(['slackApiFailed(chat.postMessage, http_429)']);
  });

  it('counts a timeout and a refused connection, and still throws them', async () => {
    const timeout = observed(async () => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    });
    await expect(timeout.fetch('https://slack.com/api/conversations.replies')).rejects.toThrow('timeout');
    expect(timeout.metrics.calls).toEqual(['slackApiFailed(conversations.replies, timeout)']);

    const refused = observed(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(refused.fetch('https://slack.com/api/chat.postEphemeral')).rejects.toThrow('fetch failed');
    expect(refused.metrics.calls).toEqual(['slackApiFailed(chat.postEphemeral, network)']);
  });

  it('never turns an odd error string into a label', async () => {
    const { metrics, fetch } = observed(async () => json({ ok: false, error: 'Something <odd> & very long '.repeat(5) }));
    await fetch('https://slack.com/api/chat.postMessage');
    expect(metrics.calls).toEqual(['slackApiFailed(chat.postMessage, unknown)']);
  });
});
