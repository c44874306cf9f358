import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeCursor, type Cursor } from '../../blocks/cursor.ts';
import type { ListenerDeps } from '../deps.ts';
import { BUTTON_EXPIRED } from '../deps.ts';
import { respondSafely } from '../reply.ts';

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
