import { sharedByHeading } from '../../../block-kit/results-message.ts';
import { describeError } from '../../../model/describe-error.ts';
import type { ListenerDeps } from '../deps.ts';
import { respondSafely, tryRespond } from '../reply.ts';
import { answerCursor, readButton, type ButtonArgs } from './button-press.ts';

/**
 * "Share in channel": posts the same cards for everyone, saying who shared them (the presser's id
 * from the payload), then removes the asker's ephemeral copy. When the post fails, the presser is
 * told privately what happened and what to do.
 */
export function shareInChannelCallback(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const cursor = await readButton(args, deps);
    if (cursor === null) return;
    const message = await answerCursor(cursor, deps, { buttons: false, heading: sharedByHeading(args.body.user.id) });
    const failure = await tryRespond(args.respond, deps.logger, { response_type: 'in_channel', replace_original: false, ...message });
    if (failure === null) {
      await respondSafely(args.respond, deps.logger, { delete_original: true });
      return;
    }
    await tellPresser(args, deps, shareFailed(failure));
  };
}

function shareFailed(failure: unknown): string {
  const why = /\b404\b/.test(String((failure as Error | null)?.message))
    ? 'this answer is too old to share (Slack allows 30 minutes)'
    : `Slack refused the post (${describeError(failure)})`;
  return `I could not share this in the channel: ${why}. Run the search again and press Share in channel on the new answer.`;
}

/** One private line to whoever pressed: through the response_url, or, if that is spent, as an ephemeral message. */
async function tellPresser({ respond, body, client }: ButtonArgs, deps: ListenerDeps, text: string): Promise<void> {
  if (await respondSafely(respond, deps.logger, { response_type: 'ephemeral', replace_original: false, text }, [])) return;
  const channel = body.channel?.id ?? body.container?.['channel_id'];
  if (typeof channel !== 'string') return;
  try {
    await client.chat.postEphemeral({ channel, user: body.user.id, text });
  } catch (error) {
    deps.logger.warn(`could not tell ${body.user.id} that sharing failed`, describeError(error));
  }
}
