import type { CorpusRecord } from '../model/record.ts';
import { primaryUrl } from '../model/record.ts';
import type { KnownBlock } from './message.ts';
import { formatShortDate } from './format-date.ts';
import { cleanText, cutText, escapeMrkdwn, link, safeText } from './mrkdwn.ts';
import { LIMITS } from './limits.ts';

interface HomeSubscription {
  channelId: string;
  time: string;
  timeZone: string;
  topic: string;
}

export interface HomeInput {
  /** The slash command's name, for the examples. */
  command: string;
  /** Null while the corpus is still loading. */
  corpus: { records: number; from: string | null; to: string | null } | null;
  /** Newest first; `added` says whether these were newly added or are just the newest by date. */
  latest: { records: CorpusRecord[]; added: boolean };
  /** Digest subscriptions of channels the user is in; null when they could not be listed. */
  subscriptions: HomeSubscription[] | null;
  /** Offer "Add event" (the desk's modal): when adding to the timeline is set up and open to this user. */
  addEvent?: boolean;
}

/** The Home tab's "Add event" button. */
export const ADD_EVENT_ACTION = 'kaesong_add_event';

const EXAMPLES = ['kaesong 2013', '"final talks" since Aug 2013', 'Aug 2013', 'on this day'];

/** The App Home tab: what Kaesong does, the corpus, the latest events, this user's channels' digests. */
export function homeView(input: HomeInput): { type: 'home'; blocks: KnownBlock[] } {
  const command = escapeMrkdwn(input.command);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Kaesong: background on a story' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          'Dated timeline events with sources, context and related events, from the newsroom’s corpus.',
          `Type \`${command}\` and some words, or mention @Kaesong in a thread. ` +
            'Use *Background* on any message (⋯ → More message shortcuts) for the story behind it.',
          ...EXAMPLES.map((example) => `• \`${command} ${escapeMrkdwn(example)}\``),
        ].join('\n'),
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: corpusLine(input.corpus) }] },
    ...(input.addEvent === true
      ? [
          {
            type: 'actions',
            block_id: 'kaesong_home_add',
            elements: [{ type: 'button', text: { type: 'plain_text', text: 'Add event' }, action_id: ADD_EVENT_ACTION, style: 'primary' }],
          } as KnownBlock,
        ]
      : []),
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: input.latest.added ? '*Latest added*' : '*Latest in the timeline*' } },
  ];
  if (input.latest.records.length === 0) blocks.push(context('Nothing yet.'));
  for (const record of input.latest.records) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: eventLine(record) } });
  blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: '*Daily digests in your channels*' } });
  blocks.push(...subscriptionBlocks(input.subscriptions, command));
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}

function corpusLine(corpus: HomeInput['corpus']): string {
  if (corpus === null) return 'The timeline is loading; try again in a moment.';
  const span = corpus.from === null || corpus.to === null ? '' : `, from ${formatShortDate(corpus.from)} to ${formatShortDate(corpus.to)}`;
  return `${corpus.records.toLocaleString('en-US')} records in the timeline${span}.`;
}

function eventLine(record: CorpusRecord): string {
  const date = formatShortDate(record.date);
  const headline = link(primaryUrl(record), safeText(cutText(cleanText(record.title) || '(untitled)', 200)));
  return date === null ? headline : `_${date}_  ${headline}`;
}

function subscriptionBlocks(subscriptions: HomeSubscription[] | null, command: string): KnownBlock[] {
  if (subscriptions === null) return [context('I could not list your channels just now.')];
  if (subscriptions.length === 0) return [context(`None yet. In a channel, \`${command} digest on 08:30\` posts one there every morning.`)];
  const lines = subscriptions.map((s) => {
    const topic = s.topic === '' ? '' : `, topic “${safeText(cutText(s.topic, 100))}”`;
    const where = /^D/.test(s.channelId) ? 'Our DM' : /^[CG][A-Z0-9]+$/.test(s.channelId) ? `<#${s.channelId}>` : escapeMrkdwn(s.channelId);
    return `• ${where} every day at ${escapeMrkdwn(s.time)} ${escapeMrkdwn(s.timeZone)}${topic}`;
  });
  const chunks: KnownBlock[] = [];
  for (let i = 0; i < lines.length && chunks.length < 20; i += 20) {
    chunks.push({ type: 'section', text: { type: 'mrkdwn', text: cutText(lines.slice(i, i + 20).join('\n'), LIMITS.sectionText) } });
  }
  return chunks;
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
