import type { KnownBlock } from './message.ts';
import { encodeCursor, type Cursor } from './cursor.ts';

export const ACTION = {
  share: 'kaesong_share',
  more: 'kaesong_more',
  older: 'kaesong_older',
  newer: 'kaesong_newer',
  search: 'kaesong_search',
  /** The no-results "without the dates" way out: its own id, since action_id must be unique in a block. */
  searchUndated: 'kaesong_search_undated',
  /** A bare date's period at a glance → its events in date order. */
  timeline: 'kaesong_timeline',
  /** A story of the glance → that story's timeline in the period. */
  story: 'kaesong_story',
  /** A story's timeline → back to the period at a glance. */
  glance: 'kaesong_glance',
} as const;

export type ActionId = (typeof ACTION)[keyof typeof ACTION];

export interface PageButtons {
  /** The page on screen, for Share. */
  current: Cursor;
  /** The next page, when there is one. */
  next: Cursor | null;
  /** Timeline mode only: the previous page, when there is one. */
  previous: Cursor | null;
  /** Offer "Share in channel": only on the asker's own ephemeral copy. */
  share: boolean;
}

/** Null when there is nothing to press. The block_id names the page, so it changes when a page replaces another. */
export function pageButtons({ current, next, previous, share }: PageButtons): KnownBlock | null {
  const timeline = current.mode === 'timeline';
  const elements = share ? [button('Share in channel', ACTION.share, current, 'primary')] : [];
  if (timeline && previous !== null) elements.push(button('◀ Older', ACTION.older, previous));
  if (next !== null) elements.push(timeline ? button('Newer ▶', ACTION.newer, next) : button('More results', ACTION.more, next));
  return elements.length === 0 ? null : { type: 'actions', block_id: `kaesong_page_${current.offset}`, elements };
}

export function button(label: string, actionId: ActionId, cursor: Cursor, style?: 'primary' | 'danger') {
  return {
    type: 'button' as const,
    text: { type: 'plain_text' as const, text: label.slice(0, 75), emoji: true },
    action_id: actionId,
    value: encodeCursor(cursor),
    ...(style === undefined ? {} : { style }),
  };
}
