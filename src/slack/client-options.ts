import type { RetryOptions, WebClientOptions } from '@slack/web-api';

export type SlackClientTuning = Pick<WebClientOptions, 'timeout' | 'retryConfig' | 'rejectRateLimitedCalls'> & {
  /**
   * Longest Retry-After pause honoured. The client pauses every call while it waits, so a 10-minute
   * Retry-After would silence the bot; past this the call is tried again sooner and, if Slack still
   * refuses, given up after the retries.
   */
  maxRetryAfterSec?: number;
};

/**
 * The Web API client's defaults retry 10 times over about 30 minutes with no timeout: a reply that
 * lands half an hour late, or a hung call that never ends, is worse than a clear failure. Replies
 * get a few quick retries (500s, timeouts, 429s after their Retry-After) and then give up.
 */
export const SLACK_CLIENT_TUNING = {
  timeout: 5_000,
  retryConfig: { retries: 2, factor: 2, minTimeout: 1_000, maxTimeout: 4_000, randomize: false },
  rejectRateLimitedCalls: false,
  maxRetryAfterSec: 20,
} as const satisfies SlackClientTuning;

/** Longest a call can take before it fails, Retry-After pauses included. */
export function worstCaseMs(tuning: SlackClientTuning): number {
  const retry: RetryOptions = tuning.retryConfig ?? {};
  const retries = retry.retries ?? 10;
  const timeout = tuning.timeout === undefined || tuning.timeout <= 0 ? Number.POSITIVE_INFINITY : tuning.timeout;
  let waits = 0;
  for (let attempt = 0; attempt < retries; attempt += 1) {
    const wait = (retry.minTimeout ?? 1_000) * (retry.factor ?? 2) ** attempt;
    waits += Math.min(wait * (retry.randomize === true ? 2 : 1), retry.maxTimeout ?? Number.POSITIVE_INFINITY);
  }
  const rateLimitPauses = retries * 1_000 * (tuning.maxRetryAfterSec ?? Number.POSITIVE_INFINITY);
  return timeout * (retries + 1) + waits + rateLimitPauses;
}

/**
 * fetch with a time limit and a cap on Retry-After, for the Web API client and for Bolt's respond()
 * (which has none: a hung response_url would hold a reply, and shutdown, forever). The Web API
 * client's own signal still applies alongside.
 */
export function timedFetch(timeoutMs: number, maxRetryAfterSec = Number.POSITIVE_INFINITY): typeof fetch {
  return async (input, init) => {
    const limit = AbortSignal.timeout(timeoutMs);
    const response = await fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, limit]) : limit });
    const retryAfter = Number(response.headers.get('retry-after'));
    if (response.status !== 429 || !(retryAfter > maxRetryAfterSec)) return response;
    const headers = new Headers(response.headers);
    headers.set('retry-after', String(maxRetryAfterSec));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
