/** Slack Web API codes that mean the bot token itself no longer works: nothing will, until an operator acts. */
const TOKEN_DEAD = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed', 'token_expired']);

/** The Slack Web API error code of a failed call (`error.data.error`), or null. */
export function slackErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : null;
}

export function isTokenFailure(error: unknown): boolean {
  return TOKEN_DEAD.has(slackErrorCode(error) ?? '');
}

/**
 * Whatever was thrown, as one line for people and logs: a Slack Web API error by its code (saying what
 * to do about a dead token), a Slack call that timed out as such, an Error as `name: message`, anything
 * else as text. Never the request, which could carry a token.
 */
export function describeError(error: unknown): string {
  const code = slackErrorCode(error);
  if (code !== null && TOKEN_DEAD.has(code))
    return `Slack API error ${code}: Slack rejects the bot token; reinstall the app or set a new SLACK_BOT_TOKEN`;
  if (code !== null) return `Slack API error ${code}`;
  // The Web API client's own errors, thrown once its retries are spent.
  const { code: clientCode, original } = (error ?? {}) as { code?: unknown; original?: unknown };
  if (clientCode === 'slack_webapi_request_error' && original instanceof Error && original.name === 'TimeoutError') {
    return 'Slack API did not answer in time (gave up after retries)';
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
