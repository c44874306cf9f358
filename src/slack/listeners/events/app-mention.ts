import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { normaliseSlackText } from '../../../query/normalise-slack-text.ts';
import { answerQuery } from '../../answer.ts';
import type { SlackMessage } from '../../../block-kit/message.ts';
import { backgroundHeading } from '../../background-heading.ts';
import { describeError } from '../../../model/describe-error.ts';
import { userMessageFor } from '../../slack-errors.ts';
import { threadQuery } from '../../thread-terms.ts';
import type { ListenerDeps } from '../deps.ts';
import { safely, searcherWhenReady } from '../reply.ts';
import { isFirstDelivery } from './first-delivery.ts';
import { postAnswer, tellPrivately, updateAnswer, type Conversation } from './post-answer.ts';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

const NOTHING_IN_THREAD =
  'I could not find anything to search for in this thread’s first message. Mention me with some words, e.g. “@Kaesong kaesong 2013”.';

/**
 * `@Kaesong <query>` answers in a thread under the mention (or in the mention's thread). With no
 * query inside a thread, the thread's first message supplies the words. An edited mention (Slack
 * sends it again, with a new event_id and `edited`) updates the earlier answer in place; when that
 * answer is not known (e.g. after a restart) the edit is left alone rather than answered twice.
 */
export function appMentionCallback(deps: ListenerDeps) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    if (!isFirstDelivery(deps.dedupe, body, `${event.channel}:${event.ts}`)) return;
    if (event.bot_id !== undefined || (context.botUserId !== undefined && event.user === context.botUserId)) return;
    const where: Conversation = { channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user ?? null };
    const edited = event.edited !== undefined;
    const earlier = deps.replies.replyTo(event.channel, event.ts);
    if (edited && earlier === undefined) {
      deps.logger.info(`edited mention ${event.ts} in ${event.channel} has no answer of mine to update; left alone`);
      return;
    }
    const message = await mentionAnswer({ event, client, deps, where });
    if (message === null) return;
    if (earlier !== undefined) {
      await updateAnswer(client, deps, where, earlier, message);
      return;
    }
    const ts = await postAnswer(client, deps, where, message);
    if (ts !== null) deps.replies.remember(event.channel, event.ts, ts);
  };
}

/** The answer a mention gets; null when there is none to post (the user was already told why). */
async function mentionAnswer({
  event,
  client,
  deps,
  where,
}: Pick<Args, 'event' | 'client'> & { deps: ListenerDeps; where: Conversation }): Promise<SlackMessage | null> {
  const text = normaliseSlackText(event.text);
  const now = deps.clock.now().getTime();
  const searcher = await searcherWhenReady(deps.searchers);
  if (text === '' && event.thread_ts !== undefined) {
    const parent = await threadParent({ client, deps }, event.channel, event.thread_ts, where);
    if (parent === undefined) return null;
    const query = parent === null ? null : threadQuery(parent);
    if (query === null)
      return { text: NOTHING_IN_THREAD, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: NOTHING_IN_THREAD } }] };
    const heading = backgroundHeading(query, 'the thread’s first message', { now, timeZone: deps.timeZone });
    return safely(deps.logger, () =>
      answerQuery(searcher, query, { command: deps.command, now, timeZone: deps.timeZone, share: false, heading }),
    );
  }
  return safely(deps.logger, () => answerQuery(searcher, text, { command: deps.command, now, timeZone: deps.timeZone, share: false }));
}

/** The thread's first message text; null when it has none; undefined when reading failed (user told). */
async function threadParent(
  { client, deps }: { client: Args['client']; deps: ListenerDeps },
  channel: string,
  threadTs: string,
  where: Conversation,
): Promise<string | null | undefined> {
  try {
    const replies = await client.conversations.replies({ channel, ts: threadTs, limit: 1 });
    const text = replies.messages?.[0]?.text;
    return typeof text === 'string' && text.trim() !== '' ? text : null;
  } catch (error) {
    deps.logger.warn(`could not read thread ${threadTs} in ${channel}`, describeError(error));
    const hint = userMessageFor(error) ?? 'I could not read this thread’s first message. Mention me with some words instead.';
    await tellPrivately(client, deps, where, hint);
    return undefined;
  }
}
