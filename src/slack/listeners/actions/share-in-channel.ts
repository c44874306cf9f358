import { answerQuery } from '../../answer.ts';
import { sharedByHeading } from '../../blocks/results-message.ts';
import type { ListenerDeps } from '../deps.ts';
import { respondSafely, safely, searcherWhenReady } from '../reply.ts';
import { readButton, type ButtonArgs } from './button-press.ts';

/**
 * "Share in channel": posts the same cards for everyone, saying who shared them (the presser's id
 * from the payload), then removes the asker's ephemeral copy.
 */
export function shareInChannelCallback(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const cursor = await readButton(args, deps);
    if (cursor === null) return;
    const searcher = await searcherWhenReady(deps.searchers);
    const message = safely(deps.logger, () =>
      answerQuery(searcher, cursor.query, {
        command: deps.command,
        now: cursor.now,
        timeZone: deps.timeZone,
        offset: cursor.offset,
        buttons: false,
        heading: sharedByHeading(args.body.user.id),
      }),
    );
    const shared = await respondSafely(args.respond, deps.logger, { response_type: 'in_channel', replace_original: false, ...message });
    if (shared) await respondSafely(args.respond, deps.logger, { delete_original: true });
  };
}
