import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeCursor, type Cursor } from '../../../block-kit/cursor.ts';
import { answerQuery } from '../../answer.ts';
import type { AnswerOptions } from '../../answer-options.ts';
import type { SlackMessage } from '../../../block-kit/message.ts';
import type { ListenerDeps } from '../deps.ts';
import { BUTTON_EXPIRED } from '../deps.ts';
import { respondSafely, safely, searcherWhenReady } from '../reply.ts';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** Acks, then reads the cursor off the button; a tampered or stale value gets a polite line, not a throw. */
export async function readButton({ ack, action, respond }: ButtonArgs, deps: ListenerDeps): Promise<Cursor | null> {
  await ack();
  const cursor = decodeCursor(action.value);
  if (cursor === null) {
    deps.logger.info('button with an unreadable value pressed', action.action_id);
    await respondSafely(respond, deps.logger, { response_type: 'ephemeral', replace_original: false, text: BUTTON_EXPIRED });
  }
  return cursor;
}

/** The answer a button's cursor points at, from the search it was made by (its query and moment). */
export async function answerCursor(
  cursor: Cursor,
  deps: ListenerDeps,
  options: Pick<AnswerOptions, 'buttons' | 'share' | 'heading'>,
): Promise<SlackMessage> {
  const searcher = await searcherWhenReady(deps.searchers);
  return safely(deps.logger, () =>
    answerQuery(searcher, cursor.query, {
      command: deps.command,
      now: cursor.now,
      timeZone: deps.timeZone,
      offset: cursor.offset,
      view: cursor.mode === 'glance' ? 'glance' : 'list',
      ...(cursor.story === undefined ? {} : { story: cursor.story }),
      ...options,
    }),
  );
}
