import { parseISO } from 'date-fns/parseISO';
import { format } from 'date-fns/format';
import type { CorpusRecord } from '../model/record.ts';
import { primaryUrl } from '../model/record.ts';
import type { Digest } from '../model/digest.ts';
import type { KnownBlock, SlackMessage } from './message.ts';
import { formatShortDate } from './format-date.ts';
import { cleanText, cutText, escapeMrkdwn, link, safeText } from './mrkdwn.ts';
import { LIMITS } from './limits.ts';
import { displayText } from './display-headline.ts';

const HEADLINE_CHARS = 200;
const SUMMARY_CHARS = 160;

export interface DigestMessageOptions {
  /** The slash command named in "more" hints. */
  slashCommand?: string;
  /** A line above everything, e.g. "Preview: not posted". Plain text; escaped here. */
  note?: string;
}

/** The daily digest as compact cards: On this day (with "N years ago"), then Newly added. */
export function digestMessage(digest: Digest, options: DigestMessageOptions = {}): SlackMessage {
  const command = options.slashCommand ?? '/kaesong';
  const day = parseISO(digest.localDay);
  const blocks: KnownBlock[] = [];
  if (options.note !== undefined) blocks.push(contextBlock(safeText(options.note)));
  blocks.push({ type: 'header', text: { type: 'plain_text', text: `Daily digest · ${format(day, 'EEE d MMM yyyy')}` } });
  if (digest.topic.trim() !== '') blocks.push(contextBlock(`Topic: ${safeText(cutText(digest.topic, 200))}`));

  if (digest.onThisDay.length > 0) {
    blocks.push(sectionBlock('*On this day*'));
    for (const item of digest.onThisDay) blocks.push(sectionBlock(card(item.record, item.label)));
    const more = digest.onThisDayTotal - digest.onThisDay.length;
    if (more > 0) blocks.push(contextBlock(`+${more} more from this day: \`${escapeMrkdwn(command)} ${format(day, 'd MMMM')}\``));
  }
  if (digest.newlyAdded.length > 0) {
    if (digest.onThisDay.length > 0) blocks.push({ type: 'divider' });
    blocks.push(sectionBlock('*Newly added*'));
    for (const record of digest.newlyAdded) {
      const by = digest.addedBy?.[record.id];
      // A name, not a mention: the credit should not notify them in every channel's digest.
      blocks.push(sectionBlock(card(record, by === undefined ? null : `added by ${safeText(cutText(by, 80))}`)));
    }
    const more = digest.newlyAddedTotal - digest.newlyAdded.length;
    if (more > 0) blocks.push(contextBlock(`+${more} more added since the last digest`));
  }
  return { text: fallbackText(digest, options.note), blocks: blocks.slice(0, LIMITS.blocks) };
}

/** The one line a channel that asked for it gets on a day with nothing to say. */
export function quietDigestMessage(localDay: string): SlackMessage {
  const text = `Daily digest · ${format(parseISO(localDay), 'EEE d MMM yyyy')}: nothing on this day in earlier years, and nothing new.`;
  return { text, blocks: [contextBlock(escapeMrkdwn(text))] };
}

function card(record: CorpusRecord, label: string | null): string {
  const date = formatShortDate(record.date);
  const meta = [label, date].filter((part): part is string => part !== null).join(' · ');
  const shown = displayText(record.title, record.summary);
  const headline = safeText(cutText(shown.headline || '(untitled)', HEADLINE_CHARS));
  const lines = [meta === '' ? null : `_${meta}_`, `*${link(primaryUrl(record), headline)}*`];
  if (shown.summary !== '') lines.push(safeText(cutText(shown.summary, SUMMARY_CHARS)));
  return lines.filter((line) => line !== null).join('\n');
}

function fallbackText(digest: Digest, note: string | undefined): string {
  const day = format(parseISO(digest.localDay), 'EEE d MMM yyyy');
  const parts = [
    digest.onThisDayTotal > 0 ? `${digest.onThisDayTotal} on this day` : null,
    digest.newlyAddedTotal > 0 ? `${digest.newlyAddedTotal} newly added` : null,
  ].filter((part) => part !== null);
  const lines = [
    ...(note === undefined ? [] : [note]),
    `Daily digest · ${day}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`,
    ...digest.onThisDay.map((item) => `${item.label}: ${cutText(cleanText(item.record.title), 200)}`),
    ...digest.newlyAdded.map((record) => `New: ${cutText(cleanText(record.title), 200)}`),
  ];
  return cutText(escapeMrkdwn(lines.join('\n')), LIMITS.fallbackText);
}

function sectionBlock(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: cutText(text, LIMITS.sectionText) } };
}

function contextBlock(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cutText(text, LIMITS.textObject) }] };
}
