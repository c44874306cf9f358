import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../../block-kit/message.ts';
import { NO_UNFURL } from '../../../block-kit/message.ts';
import { userMessageFor } from '../../slack-errors.ts';
import { describeError, isTokenFailure } from '../../../model/describe-error.ts';
import type { ListenerDeps } from '../deps.ts';

export interface Conversation {
  channel: string;
  /** Reply in this thread; null posts at the top level (a DM outside any thread). */
  threadTs: string | null;
  /** Who asked, to tell them privately when the bot cannot post. */
  user: string | null;
}

/**
 * Posts a reply; when Slack refuses for a reason the user can fix (not in channel, archived…), tells
 * the asker privately where possible and logs one line.
 */
export async function postAnswer(client: WebClient, deps: ListenerDeps, where: Conversation, message: SlackMessage): Promise<void> {
  try {
    await client.chat.postMessage({
      channel: where.channel,
      ...(where.threadTs === null ? {} : { thread_ts: where.threadTs }),
      text: message.text,
      blocks: message.blocks,
      ...NO_UNFURL,
    });
  } catch (error) {
    if (isTokenFailure(error)) {
      // Telling the user privately would fail the same way.
      deps.logger.error(`could not post in ${where.channel}`, describeError(error));
      return;
    }
    deps.logger.warn(`could not post in ${where.channel}`, describeError(error));
    await tellPrivately(client, deps, where, userMessageFor(error));
  }
}

export async function tellPrivately(client: WebClient, deps: ListenerDeps, where: Conversation, text: string | null): Promise<void> {
  if (text === null || where.user === null) return;
  try {
    await client.chat.postEphemeral({
      channel: where.channel,
      user: where.user,
      text,
      ...(where.threadTs === null ? {} : { thread_ts: where.threadTs }),
    });
  } catch (error) {
    deps.logger.debug(`could not tell ${where.user} privately either`, describeError(error));
  }
}
