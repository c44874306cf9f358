import { sharedByHeading } from '../../../block-kit/results-message.ts';
import type { ListenerDeps } from '../deps.ts';
import { respondSafely } from '../reply.ts';
import { answerCursor, readButton, type ButtonArgs } from './button-press.ts';

/**
 * "Share in channel": posts the same cards for everyone, saying who shared them (the presser's id
 * from the payload), then removes the asker's ephemeral copy.
 */
export function shareInChannelCallback(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const cursor = await readButton(args, deps);
    if (cursor === null) return;
    const message = await answerCursor(cursor, deps, { buttons: false, heading: sharedByHeading(args.body.user.id) });
    const shared = await respondSafely(args.respond, deps.logger, { response_type: 'in_channel', replace_original: false, ...message });
    if (shared) await respondSafely(args.respond, deps.logger, { delete_original: true });
  };
}
