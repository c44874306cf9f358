import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { answerQuery } from '../../answer.ts';
import { backgroundHeading } from '../../background-heading.ts';
import { threadQuery } from '../../thread-terms.ts';
import type { ListenerDeps } from '../deps.ts';
import { respondSafely, safely, searcherWhenReady } from '../reply.ts';

type Args = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

export const BACKGROUND_SHORTCUT = 'kaesong_background';

const NOTHING_IN_MESSAGE =
  'I could not find anything to search for in that message. Try /kaesong with some words, e.g. “/kaesong kaesong 2013”.';

/**
 * "Background" on any message: the answer a bare mention gives in a thread (the message's key
 * terms and any date, saying which words were used), shown only to the person who asked, with
 * Share in channel. Answered through the payload's response_url, so it works where the bot is not a member.
 */
export function backgroundShortcutCallback(deps: ListenerDeps) {
  return async ({ shortcut, ack, respond }: Args): Promise<void> => {
    await ack();
    const text = typeof shortcut.message.text === 'string' ? shortcut.message.text : '';
    const query = threadQuery(text);
    if (query === null) {
      await respondSafely(respond, deps.logger, { response_type: 'ephemeral', text: NOTHING_IN_MESSAGE });
      return;
    }
    const now = deps.clock.now().getTime();
    const searcher = await searcherWhenReady(deps.searchers);
    const heading = backgroundHeading(query, 'the message', { now, timeZone: deps.timeZone });
    const message = safely(deps.logger, () =>
      answerQuery(searcher, query, { command: deps.command, now, timeZone: deps.timeZone, share: true, heading }),
    );
    await respondSafely(respond, deps.logger, { response_type: 'ephemeral', ...message });
  };
}
