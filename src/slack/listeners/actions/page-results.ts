import type { ListenerDeps } from '../deps.ts';
import { respondSafely } from '../reply.ts';
import { answerCursor, readButton, type ButtonArgs } from './button-press.ts';

/** More results, Older, Newer, and the no-results way outs: the page the button points at, in place. */
export function pageResultsCallback(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const cursor = await readButton(args, deps);
    if (cursor === null) return;
    const message = await answerCursor(cursor, deps, { share: args.body.container?.['is_ephemeral'] === true });
    await respondSafely(args.respond, deps.logger, { replace_original: true, ...message });
  };
}
