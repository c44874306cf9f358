import type { ParsedQuery } from '../model/query.ts';
import type { Searcher } from '../search/searcher.ts';
import { glanceOfPeriod, storyPage } from '../period/glance-of.ts';
import { isoDay, todayIn } from '../query/calendar.ts';
import type { SlackMessage } from '../block-kit/message.ts';
import type { Cursor } from '../block-kit/cursor.ts';
import { backToGlanceButton, periodGlanceMessage } from '../block-kit/period-glance-message.ts';
import { resultsMessage } from '../block-kit/results-message.ts';
import type { AnswerOptions } from './answer-options.ts';

const PAGE_SIZE = 5;

interface PeriodRequest {
  /** The query as typed, for the buttons. */
  input: string;
  label: string;
  offset: number;
  options: AnswerOptions;
}

/**
 * A bare date's answer when its period is big enough for a glance: the glance itself, one story's
 * timeline in the period, or the period's timeline with a way back to the glance. Null leaves the
 * answer to the plain timeline (a small period, as the bundled corpus's 2013).
 */
export function periodAnswer(
  searcher: Searcher,
  query: ParsedQuery,
  { input, label, offset, options }: PeriodRequest,
): SlackMessage | null {
  const today = todayIn(new Date(options.now), options.timeZone ?? 'UTC');
  const glance = glanceOfPeriod(searcher, query, today === null ? new Date(options.now).toISOString().slice(0, 10) : isoDay(today));
  const glanceCursor: Cursor = { query: input, offset: 0, mode: 'glance', now: options.now };
  const buttons = options.buttons ?? true;
  const share = options.share ?? true;
  const heading = options.heading === undefined ? {} : { heading: options.heading };
  if (options.story !== undefined) {
    const page = storyPage(searcher, query, options.story, { offset, limit: PAGE_SIZE });
    if (page.total === 0) return null;
    const cursor: Cursor = { query: input, offset, mode: 'timeline', now: options.now, story: options.story };
    const storyLabel = `${label} · ${options.story}`;
    const message = resultsMessage({ page, label: storyLabel, cursor, pageSize: PAGE_SIZE, buttons, share, ...heading });
    return buttons && glance !== null ? withBackButton(message, glanceCursor, label) : message;
  }
  if (glance === null) return null;
  if ((options.view ?? 'glance') === 'glance') {
    return periodGlanceMessage({ glance, label, cursor: glanceCursor, buttons, share, ...heading });
  }
  const page = searcher.search(query, { limit: PAGE_SIZE, offset });
  if (page.hits.length === 0) return null;
  const cursor: Cursor = { query: input, offset, mode: 'timeline', now: options.now };
  const message = resultsMessage({ page, label, cursor, pageSize: PAGE_SIZE, buttons, share, ...heading });
  return buttons ? withBackButton(message, glanceCursor, label) : message;
}

/** The timeline's buttons gain "◀ 2013 at a glance", first, so paging keeps its place on the right. */
function withBackButton(message: SlackMessage, glanceCursor: Cursor, label: string): SlackMessage {
  const back = backToGlanceButton(glanceCursor, label);
  const blocks = [...message.blocks];
  const last = blocks[blocks.length - 1];
  if (last?.type === 'actions') blocks[blocks.length - 1] = { ...last, elements: [back, ...last.elements] };
  else blocks.push({ type: 'actions', block_id: 'kaesong_page', elements: [back] });
  return { ...message, blocks };
}
