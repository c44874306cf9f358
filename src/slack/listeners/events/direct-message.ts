import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { normaliseSlackText } from '../../../query/normalise-slack-text.ts';
import { answerQuery } from '../../answer.ts';
import type { ListenerDeps } from '../deps.ts';
import { safely, searcherWhenReady } from '../reply.ts';
import { isFirstDelivery } from './first-delivery.ts';
import { postAnswer } from './post-answer.ts';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

/** A message in a DM with the bot is a query; the answer comes in the DM. Edits, joins and bots are skipped. */
export function directMessageCallback(deps: ListenerDeps) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id !== undefined || (context.botUserId !== undefined && event.user === context.botUserId)) return;
    if (!isFirstDelivery(deps.dedupe, body, `${event.channel}:${event.ts}`)) return;
    const text = normaliseSlackText(event.text ?? '');
    const searcher = await searcherWhenReady(deps.searchers);
    const message = safely(deps.logger, () =>
      answerQuery(searcher, text, { command: deps.command, now: deps.clock.now().getTime(), timeZone: deps.timeZone, share: false }),
    );
    await postAnswer(client, deps, { channel: event.channel, threadTs: event.thread_ts ?? null, user: event.user }, message);
  };
}
