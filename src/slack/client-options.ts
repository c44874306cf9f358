import type { RetryOptions, WebClientOptions } from '@slack/web-api';

export type SlackClientTuning = Pick<WebClientOptions, 'timeout' | 'retryConfig' | 'rejectRateLimitedCalls'>;

/**
 * The Web API client's defaults retry 10 times over about 30 minutes with no timeout: a reply that
 * lands half an hour late, or a hung call that never ends, is worse than a clear failure. Replies
 * get a few quick retries (500s, timeouts, 429s after their Retry-After) and then give up.
 */
export const SLACK_CLIENT_TUNING = {
  timeout: 5_000,
  retryConfig: { retries: 2, factor: 2, minTimeout: 1_000, maxTimeout: 4_000, randomize: false },
  rejectRateLimitedCalls: false,
} as const satisfies SlackClientTuning;

/** Longest a call can take before it fails, not counting any Retry-After pauses Slack asks for. */
export function worstCaseMs(tuning: SlackClientTuning): number {
  const retry: RetryOptions = tuning.retryConfig ?? {};
  const retries = retry.retries ?? 10;
  const timeout = tuning.timeout === undefined || tuning.timeout <= 0 ? Number.POSITIVE_INFINITY : tuning.timeout;
  let waits = 0;
  for (let attempt = 0; attempt < retries; attempt += 1) {
    const wait = (retry.minTimeout ?? 1_000) * (retry.factor ?? 2) ** attempt;
    waits += Math.min(wait * (retry.randomize === true ? 2 : 1), retry.maxTimeout ?? Number.POSITIVE_INFINITY);
  }
  return timeout * (retries + 1) + waits;
}

/**
 * fetch with a time limit, for Bolt's respond() (which has none: a hung response_url would hold a
 * reply, and shutdown, forever). The Web API client's own signal still applies alongside.
 */
export function timedFetch(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const limit = AbortSignal.timeout(timeoutMs);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, limit]) : limit });
  };
}
