import type { KnownBlock, SlackMessage } from './message.ts';
import { cutText, safeText } from './mrkdwn.ts';
import { ACTION, button } from './buttons.ts';
import type { Cursor } from './cursor.ts';

export interface NoResultsInput {
  label: string;
  /** The query again with misspelt words replaced, and a cursor to run it. */
  corrected: { query: string; cursor: Cursor } | null;
  /** The same words without the date range and how many they match; null when there was no date. */
  withoutDates: { total: number; cursor: Cursor } | null;
}

/** Says what was searched and offers a way out: a spelling fix, the same words without dates. */
export function noResultsMessage({ label, corrected, withoutDates }: NoResultsInput): SlackMessage {
  const safeLabel = safeText(cutText(label, 200));
  const lines = [`Nothing in the timeline matches *${safeLabel}*.`];
  const elements = [];
  if (corrected !== null) {
    lines.push(`Did you mean *${safeText(cutText(corrected.query, 200))}*?`);
    elements.push(button(`Search "${cutText(corrected.query, 60)}"`, ACTION.search, corrected.cursor));
  }
  if (withoutDates !== null && withoutDates.total > 0) {
    const count = `${withoutDates.total.toLocaleString('en-US')} ${withoutDates.total === 1 ? 'event' : 'events'}`;
    lines.push(`Without the date range, the same words match ${count}.`);
    elements.push(button('Search without dates', ACTION.searchUndated, withoutDates.cursor));
  }
  if (corrected === null && (withoutDates === null || withoutDates.total === 0)) {
    lines.push('Try fewer or broader words, or another spelling.');
  }
  const blocks: KnownBlock[] = [{ type: 'section', block_id: 'kaesong_none', text: { type: 'mrkdwn', text: lines.join('\n') } }];
  if (elements.length > 0) blocks.push({ type: 'actions', block_id: 'kaesong_way_out', elements });
  return { text: `Nothing matches ${safeLabel.replace(/\*/g, '')}.`, blocks };
}
