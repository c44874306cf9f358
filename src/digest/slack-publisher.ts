import type { Publish } from './digest-runner.ts';
import { PublishHttpError } from './publish-retry.ts';

export interface SlackPublisherOptions {
  botToken: string;
  /** SLACK_API_URL, ending in `/`; Slack's own API when null. */
  apiUrl: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * chat.postMessage over plain fetch, with no retries of its own: the digest runner owns the retry
 * policy, so its claims' lease always outlasts them. Failures become PublishHttpError (status,
 * Retry-After, Slack error code) or the network error itself. The token goes only in the header.
 */
export function slackPublisher(options: SlackPublisherOptions): Publish {
  const url = `${options.apiUrl ?? 'https://slack.com/api/'}chat.postMessage`;
  const doFetch = options.fetch ?? fetch;
  return async (post) => {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${options.botToken}` },
      body: JSON.stringify(post),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const retryAfter = Number(response.headers.get('retry-after'));
    const retryAfterSeconds = response.headers.has('retry-after') && Number.isFinite(retryAfter) ? retryAfter : null;
    if (!response.ok) throw new PublishHttpError(response.status, retryAfterSeconds);
    const body = (await response.json().catch(() => null)) as { ok?: boolean; ts?: string; error?: string } | null;
    if (body?.ok !== true || typeof body.ts !== 'string')
      throw new PublishHttpError(response.status, retryAfterSeconds, body?.error ?? 'invalid_response');
    return { ts: body.ts };
  };
}
