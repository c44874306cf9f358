import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { normaliseSlackText } from '../../../query/normalise-slack-text.ts';
import { answerQuery } from '../../answer.ts';
import { NO_UNFURL } from '../../../block-kit/message.ts';
import { DIGEST_NOT_SET_UP } from '../../../digest/digest-port.ts';
import { describeError } from '../../../model/describe-error.ts';
import { fitMessage } from '../../../block-kit/fit-message.ts';
import { SOMETHING_WENT_WRONG, WARMING_UP, type ListenerDeps } from '../deps.ts';
import { respondSafely, safely } from '../reply.ts';
import { openAddFromCommand } from '../desk/add-to-timeline.ts';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/kaesong <query>`: acks with the cards when the index is ready (the search is in memory, well
 * inside Slack's 3 seconds); while it warms up, acks with a short line and responds once it is ready.
 * `/kaesong digest …` goes to the digest port.
 */
export function kaesongCommandCallback(deps: ListenerDeps) {
  return async ({ command, ack, respond, client }: Args): Promise<void> => {
    const raw = typeof command.text === 'string' ? command.text : '';
    if (/^\s*add\b/i.test(raw)) {
      await addCommand(deps, raw.trim().replace(/^add\b\s*/i, ''), { command, ack, client, respond });
      return;
    }
    if (/^\s*digest\b/i.test(raw)) {
      await digestCommand(deps, raw.trim().replace(/^digest\b\s*/i, ''), { command, ack, respond });
      return;
    }
    const text = normaliseSlackText(raw);
    const answer = (searcher: Parameters<typeof answerQuery>[0]) =>
      safely(deps.logger, () =>
        answerQuery(searcher, text, { command: deps.command, now: deps.clock.now().getTime(), timeZone: deps.timeZone }),
      );
    const searcher = deps.searchers.current();
    if (searcher !== null) {
      await ack(fitMessage({ response_type: 'ephemeral' as const, ...answer(searcher), ...NO_UNFURL }, deps.logger));
      return;
    }
    await ack({ response_type: 'ephemeral', text: WARMING_UP });
    const ready = await deps.searchers.whenReady();
    await respondSafely(respond, deps.logger, { response_type: 'ephemeral', ...answer(ready) });
  };
}

async function digestCommand(
  deps: ListenerDeps,
  args: string,
  { command, ack, respond }: Pick<Args, 'command' | 'ack' | 'respond'>,
): Promise<void> {
  if (deps.digest === undefined) {
    await ack({ response_type: 'ephemeral', text: DIGEST_NOT_SET_UP });
    return;
  }
  await ack();
  try {
    const reply = await deps.digest.handle(args, { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id });
    await respondSafely(respond, deps.logger, { response_type: 'ephemeral', ...reply });
  } catch (error) {
    deps.logger.error('digest command failed', describeError(error));
    await respondSafely(respond, deps.logger, { response_type: 'ephemeral', text: SOMETHING_WENT_WRONG });
  }
}

/** `/kaesong add [headline]`: the Add to timeline modal, or one line saying why not. */
async function addCommand(
  deps: ListenerDeps,
  headline: string,
  { command, ack, client, respond }: Pick<Args, 'command' | 'ack' | 'client' | 'respond'>,
) {
  if (deps.desk === undefined) {
    await ack({ response_type: 'ephemeral', text: 'Adding to the timeline is not set up on this bot.' });
    return;
  }
  // The modal opens with the command's trigger, which lasts 3 s: ack at once, open right after.
  await ack();
  const refused = await openAddFromCommand(deps, deps.desk, client, command, normaliseSlackText(headline));
  if (refused !== null) await respondSafely(respond, deps.logger, { response_type: 'ephemeral', text: refused });
}
