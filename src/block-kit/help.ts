import type { SlackMessage } from './message.ts';
import { escapeMrkdwn, safeText } from './mrkdwn.ts';

const EXAMPLES: ReadonlyArray<[string, string]> = [
  ['kaesong 2013', 'Kaesong events in 2013'],
  ['"final talks" since Aug 2013', 'a phrase, from August 2013 on'],
  ['kaesong -nuclear', 'leave out events that mention nuclear'],
  ['Aug 2013', 'a timeline: every event that month, oldest first'],
  ['on this day', 'what happened on this date in earlier years'],
];

/** Usage and examples, for `help` or an empty query. */
export function helpMessage(command: string): SlackMessage {
  const name = safeText(command);
  const intro = `Type \`${name}\` and some words, with a date or a range if you like:`;
  const examples = EXAMPLES.map(([query, meaning]) => `• \`${name} ${safeText(query)}\`  ${meaning}`).join('\n');
  return {
    text:
      `${escapeMrkdwn(command)} &lt;words and dates&gt;: background on a story from the timeline. ` +
      `Example: ${escapeMrkdwn(command)} kaesong 2013`,
    blocks: [
      {
        type: 'section',
        block_id: 'kaesong_help',
        text: {
          type: 'mrkdwn',
          text: `*Background on a story, from the timeline.*\n${intro}\n${examples}`,
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text:
              'Dates: `2013`, `2013-2016`, `Aug 2013`, `2013-08-07`, `since 2015`, `before 2010`, `last 30 days`. ' +
              'Mention me in a thread with no words to get background on the thread’s story. ' +
              `\`${name} add [headline]\` (or *Add to timeline* on a message) adds an event to the timeline.`,
          },
        ],
      },
    ],
  };
}
