import type { KnownBlock } from './message.ts';
import { cutText, safeText } from './mrkdwn.ts';

export interface SummaryInput {
  /** How the query was understood, from describeQuery ("kaesong · 2013"). */
  label: string;
  total: number;
  offset: number;
  shown: number;
  timeline: boolean;
  /** No record had every word, so these match only some of them. */
  relaxed: boolean;
}

export function summaryText({ label, total, offset, shown, timeline, relaxed }: SummaryInput): string {
  const count = `${total.toLocaleString('en-US')} ${total === 1 ? 'event' : 'events'}`;
  const parts = [`*${safeText(cutText(label, 200))}*`, count];
  if (timeline) parts.push('oldest first');
  if (relaxed) parts.push('matching some of the words');
  if (shown > 0 && (offset > 0 || shown < total)) parts.push(`showing ${offset + 1}–${offset + shown}`);
  return parts.join(' · ');
}

export function summaryLine(input: SummaryInput): KnownBlock {
  return { type: 'section', block_id: `kaesong_summary_${input.offset}`, text: { type: 'mrkdwn', text: summaryText(input) } };
}
