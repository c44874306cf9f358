import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../../block-kit/message.ts';
import { NO_UNFURL } from '../../../block-kit/message.ts';
import { fitMessage } from '../../../block-kit/fit-message.ts';
import { describeError, isTokenFailure, slackErrorCode } from '../../../model/describe-error.ts';
import { userMessageFor } from '../../slack-errors.ts';
import type { ListenerDeps } from '../deps.ts';

export interface Conversation {
  channel: string;
  /** Reply in this thread; null posts at the top level (a DM outside any thread). */
  threadTs: string | null;
  /** Who asked, to tell them privately when the bot cannot post. */
  user: string | null;
}

/** Slack refused the blocks themselves: the same answer as text alone may still get through. */
const BLOCKS_REFUSED = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long']);

/**
 * Posts a reply and returns its ts (null when it could not be posted). When Slack refuses the
 * blocks, the text alone is tried once; when the post still fails for any reason but a dead token,
 * the asker is told privately, in one line, what happened and what to do.
 */
export async function postAnswer(
  client: WebClient,
  deps: ListenerDeps,
  where: Conversation,
  message: SlackMessage,
): Promise<string | null> {
  const post = (body: { text: string; blocks?: SlackMessage['blocks'] }) =>
    client.chat.postMessage({
      channel: where.channel,
      ...(where.threadTs === null ? {} : { thread_ts: where.threadTs }),
      ...fitMessage({ ...body, ...NO_UNFURL }, deps.logger),
    });
  return deliver(client, deps, where, message, post);
}

/** Replaces an earlier reply (the asker edited the question) with `chat.update`; same failure handling. */
export async function updateAnswer(
  client: WebClient,
  deps: ListenerDeps,
  where: Conversation,
  ts: string,
  message: SlackMessage,
): Promise<string | null> {
  const update = (body: { text: string; blocks?: SlackMessage['blocks'] }) =>
    client.chat.update({ channel: where.channel, ts, blocks: [], ...fitMessage(body, deps.logger) });
  return deliver(client, deps, where, message, update);
}

async function deliver(
  client: WebClient,
  deps: ListenerDeps,
  where: Conversation,
  message: SlackMessage,
  send: (body: { text: string; blocks?: SlackMessage['blocks'] }) => Promise<{ ts?: string }>,
): Promise<string | null> {
  try {
    return (await send(message)).ts ?? null;
  } catch (error) {
    if (BLOCKS_REFUSED.has(slackErrorCode(error) ?? '')) {
      deps.logger.warn(`Slack refused the blocks of a reply in ${where.channel}; sending the text alone`, describeError(error));
      try {
        return (await send({ text: message.text })).ts ?? null;
      } catch (second) {
        return failed(client, deps, where, second);
      }
    }
    return failed(client, deps, where, error);
  }
}

async function failed(client: WebClient, deps: ListenerDeps, where: Conversation, error: unknown): Promise<null> {
  if (isTokenFailure(error)) {
    // Telling the user privately would fail the same way.
    deps.logger.error(`could not post in ${where.channel}`, describeError(error));
    return null;
  }
  deps.logger.warn(`could not post in ${where.channel}`, describeError(error));
  await tellPrivately(client, deps, where, userMessageFor(error) ?? couldNotPost(error, deps.command));
  return null;
}

/** The one line for a failure with no specific advice: what went wrong, and what to do. */
function couldNotPost(error: unknown, command: string): string {
  const code = slackErrorCode(error);
  const why = code === null ? 'Slack did not answer in time' : `Slack said \`${code}\``;
  return `I could not post my answer here (${why}). Please try again in a minute, or use ${command}, which answers only you.`;
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
