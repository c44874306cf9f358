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

/** One log line naming the failure; never the request (which could carry a token). */
export function describeSlackError(error: unknown): string {
  const code = slackErrorCode(error);
  if (code !== null) return `Slack API error ${code}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
