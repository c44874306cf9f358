/** Slack Web API error codes that mean the bot cannot post where it was asked to, and what to tell the user. */
const USER_FIXABLE: Record<string, string> = {
  not_in_channel: 'I am not in this channel, so I cannot post here. Invite me to the channel with /invite @Kaesong',
  channel_not_found: 'I cannot see this channel. Invite me to the channel with /invite @Kaesong',
  is_archived: 'This channel is archived, so I cannot post in it.',
  thread_not_found: 'That thread is gone (the first message was deleted), so I have nothing to go on.',
  restricted_action: 'This workspace does not let me post here.',
};

/** The Slack error code of a failed Web API call (`error.data.error`), or null. */
export function slackErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : null;
}

export function userMessageFor(error: unknown): string | null {
  const code = slackErrorCode(error);
  return code === null ? null : (USER_FIXABLE[code] ?? null);
}

/** Codes that mean the bot token itself no longer works: nothing will, until an operator acts. */
const TOKEN_DEAD = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed', 'token_expired']);

export function isTokenFailure(error: unknown): boolean {
  return TOKEN_DEAD.has(slackErrorCode(error) ?? '');
}

/** One log line naming the failure; never the request (which could carry a token). */
export function describeSlackError(error: unknown): string {
  const code = slackErrorCode(error);
  if (code !== null && TOKEN_DEAD.has(code)) return `Slack API error ${code}: Slack rejects the bot token; reinstall the app or set a new SLACK_BOT_TOKEN`;
  if (code !== null) return `Slack API error ${code}`;
  // The Web API client's own errors, thrown once its retries are spent.
  const { code: clientCode, original } = (error ?? {}) as { code?: unknown; original?: unknown };
  if (clientCode === 'slack_webapi_request_error' && original instanceof Error && original.name === 'TimeoutError') {
    return 'Slack API did not answer in time (gave up after retries)';
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
