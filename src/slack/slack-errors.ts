import { slackErrorCode } from '../model/describe-error.ts';

/** Slack Web API error codes that mean the bot cannot post where it was asked to, and what to tell the user. */
const USER_FIXABLE: Record<string, string> = {
  not_in_channel: 'I am not in this channel, so I cannot post here. Invite me to the channel with /invite @Kaesong',
  channel_not_found: 'I cannot see this channel. Invite me to the channel with /invite @Kaesong',
  is_archived: 'This channel is archived, so I cannot post in it.',
  thread_not_found: 'That thread is gone (the first message was deleted), so I have nothing to go on.',
  restricted_action: 'This workspace does not let me post here.',
};

export function userMessageFor(error: unknown): string | null {
  const code = slackErrorCode(error);
  return code === null ? null : (USER_FIXABLE[code] ?? null);
}
