import type { RespondFn } from '@slack/bolt';
import type { Logger } from '../../model/logger.ts';
import type { Searcher } from '../../search/searcher.ts';
import type { SearcherProvider } from '../searcher-provider.ts';
import type { SlackMessage } from '../../block-kit/message.ts';
import { NO_UNFURL } from '../../block-kit/message.ts';
import { describeError } from '../../model/describe-error.ts';
import { fitMessage } from '../../block-kit/fit-message.ts';
import { SOMETHING_WENT_WRONG } from './deps.ts';

/** Builds a reply, turning any failure into a polite line instead of a stack trace. */
export function safely(logger: Logger, build: () => SlackMessage): SlackMessage {
  try {
    return build();
  } catch (error) {
    logger.error('building a reply failed', describeError(error), error instanceof Error ? error.stack : '');
    return { text: SOMETHING_WENT_WRONG, blocks: [{ type: 'section', text: { type: 'plain_text', text: SOMETHING_WENT_WRONG } }] };
  }
}

/** The index now, or once it is ready (cold start, reload). */
export async function searcherWhenReady(searchers: SearcherProvider): Promise<Searcher> {
  return searchers.current() ?? (await searchers.whenReady());
}

/** Pauses before the 2nd and 3rd try of a respond() that failed in a way worth retrying. */
const RESPOND_RETRY_MS = [1_000, 2_000];

/**
 * respond() that logs instead of throwing: an expired response_url is not the user's problem to see.
 * The message is fitted to Slack's rules first (never sent broken).
 * A 429, a 5xx, a timeout or a dropped connection is tried again, twice, within a few seconds.
 */
export async function respondSafely(...args: Parameters<typeof tryRespond>): Promise<boolean> {
  return (await tryRespond(...args)) === null;
}

/** respondSafely, resolving with the final failure (logged), or null once sent. */
export async function tryRespond(
  respond: RespondFn,
  logger: Logger,
  message: Parameters<RespondFn>[0],
  retryMs: readonly number[] = RESPOND_RETRY_MS,
): Promise<unknown> {
  const body =
    typeof message === 'string'
      ? message
      : message.delete_original === true
        ? { ...NO_UNFURL, ...message }
        : fitMessage({ ...NO_UNFURL, ...message }, logger);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await respond(body);
      return null;
    } catch (error) {
      const pause = retryMs[attempt];
      if (pause === undefined || !worthRetrying(error)) {
        logger.warn('respond() failed', describeError(error));
        return error ?? new Error('respond() failed');
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

function worthRetrying(error: unknown): boolean {
  const status = (error as { code?: unknown; statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number') return status === 429 || status >= 500;
  // fetch failures: a timeout (our limit), a refused or reset connection.
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || error instanceof TypeError);
}
