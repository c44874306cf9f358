import type { WebClient } from '@slack/web-api';
import type { CorpusRecord } from '../../../model/record.ts';
import type { Logger } from '../../../model/logger.ts';
import type { SlackMessage } from '../../../block-kit/message.ts';
import { NO_UNFURL } from '../../../block-kit/message.ts';
import { resultCard } from '../../../block-kit/result-card.ts';
import { cutText, safeText } from '../../../block-kit/mrkdwn.ts';
import { fitMessage } from '../../../block-kit/fit-message.ts';
import { describeError } from '../../../model/describe-error.ts';

/** A line and the event's card, as the person who added (or edited) it sees it. */
export function cardMessage(line: string, record: CorpusRecord): SlackMessage {
  return {
    text: `${line} ${safeText(cutText(record.title, 200))}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line } }, ...resultCard({ record, score: 0, matchedTerms: [], related: [] })],
  };
}

export function lineMessage(line: string): SlackMessage {
  return { text: line, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line } }] };
}

/** Only `user` sees it: ephemeral in the channel the modal came from, else (or when the bot is not there) in their DM with the bot. */
export async function tellUser(
  client: WebClient,
  logger: Logger,
  where: { user: string; channel: string | undefined },
  message: SlackMessage,
): Promise<void> {
  const body = fitMessage({ ...message, ...NO_UNFURL }, logger);
  if (where.channel !== undefined) {
    try {
      await client.chat.postEphemeral({ channel: where.channel, user: where.user, ...body });
      return;
    } catch (error) {
      // A channel the bot is not in (the shortcut works everywhere): the DM instead.
      logger.info('desk: could not answer in the channel, answering in the DM', describeError(error));
    }
  }
  try {
    await client.chat.postMessage({ channel: where.user, ...body });
  } catch (error) {
    logger.warn('desk: could not confirm to the user', describeError(error));
  }
}
