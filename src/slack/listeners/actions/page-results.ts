import { answerQuery } from '../../answer.ts';
import type { ListenerDeps } from '../deps.ts';
import { respondSafely, safely, searcherWhenReady } from '../reply.ts';
import { readButton, type ButtonArgs } from './button-press.ts';

/** More results, Older, Newer, and the no-results way outs: the page the button points at, in place. */
export function pageResultsCallback(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const cursor = await readButton(args, deps);
    if (cursor === null) return;
    const searcher = await searcherWhenReady(deps.searchers);
    const ephemeral = args.body.container?.['is_ephemeral'] === true;
    const message = safely(deps.logger, () =>
      answerQuery(searcher, cursor.query, {
        command: deps.command,
        now: cursor.now,
        timeZone: deps.timeZone,
        offset: cursor.offset,
        share: ephemeral,
      }),
    );
    await respondSafely(args.respond, deps.logger, { replace_original: true, ...message });
  };
}
