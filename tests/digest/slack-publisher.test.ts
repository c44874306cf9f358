import { describe, expect, it } from 'vitest';
import { slackPublisher } from '../../src/digest/slack-publisher.ts';
import { classifyPublishError, PublishHttpError } from '../../src/digest/publish-retry.ts';
import type { DigestPost } from '../../src/digest/digest-runner.ts';

const post: DigestPost = { channel: 'C1', text: 'hi', blocks: [], unfurl_links: false, unfurl_media: false };

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers });
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

describe('slackPublisher', () => {
  it('posts JSON to chat.postMessage at SLACK_API_URL with the bot token and returns the ts', async () => {
    const { calls, fetchFn } = fakeFetch(200, { ok: true, ts: '1700000000.000100' });
    const publish = slackPublisher({ botToken: 'xoxb-test', apiUrl: 'http://127.0.0.1:9/api/', fetch: fetchFn });
    expect(await publish(post)).toEqual({ ts: '1700000000.000100' });
    expect(calls[0]!.url).toBe('http://127.0.0.1:9/api/chat.postMessage');
    expect((calls[0]!.init.headers as Record<string, string>)['authorization']).toBe('Bearer xoxb-test');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual(post);
  });

  it('turns a 429 into a rate-limited failure carrying Retry-After', async () => {
    const { fetchFn } = fakeFetch(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '12' });
    const error = await slackPublisher({ botToken: 'xoxb-t', apiUrl: null, fetch: fetchFn })(post).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishHttpError);
    expect(classifyPublishError(error)).toEqual({ kind: 'rate-limited', retryAfterMs: 12_000 });
  });

  it('reads 5xx as retryable and Slack errors such as not_in_channel as permanent', async () => {
    const server = await slackPublisher({ botToken: 'xoxb-t', apiUrl: null, fetch: fakeFetch(503, {}).fetchFn })(post).catch(
      (e: unknown) => e,
    );
    expect(classifyPublishError(server)).toEqual({ kind: 'server', retryAfterMs: null });
    const platform = await slackPublisher({
      botToken: 'xoxb-t',
      apiUrl: null,
      fetch: fakeFetch(200, { ok: false, error: 'not_in_channel' }).fetchFn,
    })(post).catch((e: unknown) => e);
    expect(classifyPublishError(platform)).toEqual({ kind: 'permanent', code: 'not_in_channel' });
    expect((platform as Error).message).toBe('Slack API error not_in_channel');
  });

  it('reads a refused connection as a network failure', async () => {
    const error = await slackPublisher({ botToken: 'xoxb-t', apiUrl: 'http://127.0.0.1:1/api/' })(post).catch((e: unknown) => e);
    expect(classifyPublishError(error)).toEqual({ kind: 'network' });
  });
});
