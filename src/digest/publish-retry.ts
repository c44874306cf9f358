/** What a failed post means for the next attempt. Callers branch on this, never on message text. */
export type PublishFailure =
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'server'; retryAfterMs: number | null }
  | { kind: 'network' }
  | { kind: 'permanent'; code: string };

const RETRYABLE_PLATFORM = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** A post that failed over plain HTTP (the CLI's fetch-based publisher throws these). */
export class PublishHttpError extends Error {
  override name = 'PublishHttpError';
  constructor(
    readonly status: number,
    readonly retryAfterSeconds: number | null,
    readonly slackError: string | null = null,
  ) {
    super(slackError === null ? `HTTP ${status}` : `Slack API error ${slackError}`);
  }
}

/**
 * Reads errors from @slack/web-api (rate limited with `retryAfter` seconds, HTTP error with
 * `statusCode`, request error, platform error with `data.error`), PublishHttpError and raw network errors.
 */
export function classifyPublishError(error: unknown): PublishFailure {
  if (typeof error !== 'object' || error === null) return { kind: 'permanent', code: String(error) };
  const e = error as {
    code?: unknown;
    retryAfter?: unknown;
    statusCode?: unknown;
    headers?: Record<string, string>;
    data?: { error?: unknown };
    cause?: unknown;
  };
  if (error instanceof PublishHttpError) {
    const retryAfterMs = error.retryAfterSeconds === null ? null : error.retryAfterSeconds * 1000;
    if (error.status === 429 || error.slackError === 'ratelimited') return { kind: 'rate-limited', retryAfterMs };
    if (error.status >= 500 || (error.slackError !== null && RETRYABLE_PLATFORM.has(error.slackError)))
      return { kind: 'server', retryAfterMs };
    return { kind: 'permanent', code: error.slackError ?? `http_${error.status}` };
  }
  if (e.code === 'slack_webapi_rate_limited_error') {
    return { kind: 'rate-limited', retryAfterMs: typeof e.retryAfter === 'number' ? e.retryAfter * 1000 : null };
  }
  if (e.code === 'slack_webapi_http_error' && typeof e.statusCode === 'number') {
    const header = Number(e.headers?.['retry-after']);
    const retryAfterMs = Number.isFinite(header) && header >= 0 ? header * 1000 : null;
    if (e.statusCode === 429) return { kind: 'rate-limited', retryAfterMs };
    if (e.statusCode >= 500) return { kind: 'server', retryAfterMs };
    return { kind: 'permanent', code: `http_${e.statusCode}` };
  }
  if (e.code === 'slack_webapi_request_error') return { kind: 'network' };
  if (typeof e.data?.error === 'string') {
    return RETRYABLE_PLATFORM.has(e.data.error) ? { kind: 'server', retryAfterMs: null } : { kind: 'permanent', code: e.data.error };
  }
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return { kind: 'network' };
  if (error instanceof TypeError && error.message === 'fetch failed') return { kind: 'network' };
  if (e.cause !== undefined && e.cause !== error) {
    const inner = classifyPublishError(e.cause);
    if (inner.kind === 'network') return inner;
  }
  return { kind: 'permanent', code: error instanceof Error ? error.name : 'unknown' };
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Give up rather than wait past this much time in all: a claim's lease must outlast the retries. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000, budgetMs: 5 * 60_000 };

export type RetryOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: unknown; failure: PublishFailure; attempts: number };

/**
 * Calls `attempt` until it succeeds, a failure is permanent, attempts run out, or the next wait would
 * pass the budget. Waits Retry-After when Slack gives one, else doubles from `baseDelayMs`.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void>,
  onRetry: (failure: PublishFailure, delayMs: number, attemptNumber: number) => void = () => {},
): Promise<RetryOutcome<T>> {
  let waited = 0;
  for (let n = 1; ; n++) {
    try {
      return { ok: true, value: await attempt(), attempts: n };
    } catch (error) {
      const failure = classifyPublishError(error);
      if (failure.kind === 'permanent' || n >= policy.attempts) return { ok: false, error, failure, attempts: n };
      const backoff = Math.min(policy.baseDelayMs * 2 ** (n - 1), policy.maxDelayMs);
      const delay = failure.kind === 'network' ? backoff : (failure.retryAfterMs ?? backoff);
      if (waited + delay > policy.budgetMs) return { ok: false, error, failure, attempts: n };
      onRetry(failure, delay, n);
      await sleep(delay);
      waited += delay;
    }
  }
}
