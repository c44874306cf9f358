import type { RespondFn } from '@slack/bolt';
import type { Logger } from '../../model/logger.ts';
import type { Searcher } from '../../search/searcher.ts';
import type { SearcherProvider } from '../searcher-provider.ts';
import type { SlackMessage } from '../blocks/message.ts';
import { NO_UNFURL } from '../blocks/message.ts';
import { describeSlackError } from '../slack-errors.ts';
import { SOMETHING_WENT_WRONG } from './deps.ts';

/** Builds a reply, turning any failure into a polite line instead of a stack trace. */
export function safely(logger: Logger, build: () => SlackMessage): SlackMessage {
  try {
    return build();
  } catch (error) {
    logger.error('building a reply failed', describeSlackError(error), error instanceof Error ? error.stack : '');
    return { text: SOMETHING_WENT_WRONG, blocks: [{ type: 'section', text: { type: 'plain_text', text: SOMETHING_WENT_WRONG } }] };
  }
}

/** The index now, or once it is ready (cold start, reload). */
export async function searcherWhenReady(searchers: SearcherProvider): Promise<Searcher> {
  return searchers.current() ?? (await searchers.whenReady());
}

/** respond() that logs instead of throwing: an expired response_url is not the user's problem to see. */
export async function respondSafely(respond: RespondFn, logger: Logger, message: Parameters<RespondFn>[0]): Promise<boolean> {
  try {
    await respond(typeof message === 'string' ? message : { ...NO_UNFURL, ...message });
    return true;
  } catch (error) {
    logger.warn('respond() failed', describeSlackError(error));
    return false;
  }
}
