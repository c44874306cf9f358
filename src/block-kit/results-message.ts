import type { SearchPage } from '../model/search.ts';
import type { KnownBlock, SlackMessage } from './message.ts';
import { LIMITS } from './limits.ts';
import { resultCard } from './result-card.ts';
import { summaryLine, summaryText } from './summary-line.ts';
import { pageButtons } from './buttons.ts';
import type { Cursor } from './cursor.ts';
import { formatEventDate } from './format-date.ts';
import { cleanText, cutText, escapeMrkdwn } from './mrkdwn.ts';

export interface Heading {
  mrkdwn: string;
  plain: string;
}

export interface ResultsInput {
  page: SearchPage;
  label: string;
  /** The page on screen; buttons carry it and its neighbours. */
  cursor: Cursor;
  /** How many hits a full page holds, to step back a page. */
  pageSize: number;
  /** Paging buttons; off on a message shared in the channel. */
  buttons: boolean;
  /** "Share in channel", only on the asker's own ephemeral copy. Default true. */
  share?: boolean;
  /** A line above the summary ("Shared by @ana", "Background for: …"), as safe mrkdwn and plain text. */
  heading?: Heading;
}

/**
 * The summary line, one card per hit, and the page buttons. Cards that would take the message past
 * Slack's 50 blocks are left for the next page, and the More button then points at them.
 */
export function resultsMessage({ page, label, cursor, pageSize, buttons, share = true, heading }: ResultsInput): SlackMessage {
  const timeline = page.query.timeline;
  const head: KnownBlock[] = [];
  if (heading !== undefined) head.push(headingBlock(heading));
  const reserved = head.length + 1 + (buttons ? 1 : 0);
  const cards: KnownBlock[][] = [];
  let used = reserved;
  for (const hit of page.hits) {
    const card = [{ type: 'divider' } as KnownBlock, ...resultCard(hit)];
    if (used + card.length > LIMITS.blocks) break;
    cards.push(card);
    used += card.length;
  }
  const shown = cards.length;
  const summary = { label, total: page.total, offset: page.offset, shown, timeline, relaxed: page.relaxed };
  const blocks: KnownBlock[] = [...head, summaryLine(summary), ...cards.flat()];
  if (buttons) {
    const nextOffset = page.offset + shown;
    const next = nextOffset < page.total && shown > 0 ? { ...cursor, offset: nextOffset } : null;
    const previous = page.offset > 0 ? { ...cursor, offset: Math.max(0, page.offset - pageSize) } : null;
    const actions = pageButtons({ current: cursor, next, previous, share });
    if (actions !== null) blocks.push(actions);
  }
  return { text: fallbackText(page, summaryText(summary), shown, heading), blocks };
}

/** What notifications and screen readers get: the summary and the headlines, plainly. */
function fallbackText(page: SearchPage, summary: string, shown: number, heading: Heading | undefined): string {
  const lines = page.hits.slice(0, shown).map((hit, i) => {
    const date = formatEventDate(hit.record.date);
    const title = escapeMrkdwn(cutText(cleanText(hit.record.title), 200));
    return `${page.offset + i + 1}. ${date === null ? '' : `${date}: `}${title}`;
  });
  const first = summary.replace(/\*/g, '');
  return cutText([...(heading === undefined ? [] : [heading.plain]), first, ...lines].join('\n'), LIMITS.fallbackText);
}

export function headingBlock(heading: Heading): KnownBlock {
  return { type: 'context', block_id: 'kaesong_heading', elements: [{ type: 'mrkdwn', text: cutText(heading.mrkdwn, LIMITS.textObject) }] };
}

export function sharedByHeading(userId: string): Heading {
  const id = /^[UW][A-Z0-9]+$/.test(userId) ? userId : 'unknown';
  return {
    mrkdwn: id === 'unknown' ? 'Shared from a search' : `Shared by <@${id}>`,
    plain: id === 'unknown' ? 'Shared from a search' : `Shared by <@${id}>`,
  };
}
