import type { Searcher } from '../search/searcher.ts';
import type { ParsedQuery } from '../model/query.ts';
import { describeQuery, parseQuery } from '../query/parse-query.ts';
import type { SlackMessage } from '../block-kit/message.ts';
import { helpMessage } from '../block-kit/help.ts';
import { noResultsMessage } from '../block-kit/no-results.ts';
import { headingBlock, resultsMessage, type Heading } from '../block-kit/results-message.ts';
import type { Cursor } from '../block-kit/cursor.ts';
import { cutText } from '../block-kit/mrkdwn.ts';
import { periodAnswer } from './period-answer.ts';
import type { AnswerOptions } from './answer-options.ts';

const PAGE_SIZE = 5;
/** Longer input is cut (at a word) before parsing: nobody means 10,000 characters of query. */
const MAX_QUERY_CHARS = 500;

/**
 * The reply to a query as typed (already normalised from Slack's encoding): help for an empty query or
 * `help`, a page of result cards, or a "nothing matched" with a way out. Never throws.
 */
export function answerQuery(searcher: Searcher, text: string, options: AnswerOptions): SlackMessage {
  const input = cutText(text.trim(), MAX_QUERY_CHARS).replace(/…$/, '');
  if (input === '' || /^(help|\?|-h|--help)$/i.test(input)) return withHeading(helpMessage(options.command), options.heading);
  const query = parseQuery(input, {
    now: new Date(options.now),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  });
  if (query.terms.length === 0 && query.phrases.length === 0 && query.date === null) {
    return withHeading(helpMessage(options.command), options.heading);
  }
  const offset = options.offset ?? 0;
  if (query.timeline) {
    const period = periodAnswer(searcher, query, { input, label: describeQuery(query), offset, options });
    if (period !== null) return period;
  }
  const page = searcher.search(query, { limit: PAGE_SIZE, offset });
  const label = describeQuery(query, page.corrections);
  const cursor: Cursor = { query: input, offset, mode: query.timeline ? 'timeline' : 'search', now: options.now };
  if (page.total === 0 || (page.hits.length === 0 && offset === 0)) {
    return withHeading(noResults(searcher, query, label, options), options.heading);
  }
  return resultsMessage({
    page,
    label,
    cursor,
    pageSize: PAGE_SIZE,
    buttons: options.buttons ?? true,
    share: options.share ?? true,
    ...(options.heading === undefined ? {} : { heading: options.heading }),
  });
}

function noResults(searcher: Searcher, query: ParsedQuery, label: string, options: AnswerOptions): SlackMessage {
  const parse = (text: string) =>
    parseQuery(text, { now: new Date(options.now), ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }) });
  const cursorFor = (text: string, timeline: boolean): Cursor => ({
    query: text,
    offset: 0,
    mode: timeline ? 'timeline' : 'search',
    now: options.now,
  });

  let corrected: { query: string; cursor: Cursor } | null = null;
  const fixes = query.terms.map((term) => {
    const suggestion = searcher.suggest(term, 1)[0];
    return suggestion !== undefined && suggestion.toLowerCase() !== term.toLowerCase() ? suggestion : null;
  });
  if (fixes.some((fix) => fix !== null)) {
    const words = query.terms.map((term, i) => fixes[i] ?? term);
    const text = [...words, ...query.phrases.map((p) => `"${p}"`), ...query.excludes.map((e) => `-${e}`), query.dateLabel ?? '']
      .join(' ')
      .trim();
    const fixedQuery = parse(text);
    if (searcher.search(fixedQuery, { limit: 1 }).total > 0) corrected = { query: text, cursor: cursorFor(text, fixedQuery.timeline) };
  }

  let withoutDates: { total: number; cursor: Cursor } | null = null;
  if (query.date !== null && (query.terms.length > 0 || query.phrases.length > 0)) {
    const text = [...query.terms, ...query.phrases.map((p) => `"${p}"`), ...query.excludes.map((e) => `-${e}`)].join(' ');
    const undated = parse(text);
    withoutDates = { total: searcher.search(undated, { limit: 1 }).total, cursor: cursorFor(text, undated.timeline) };
  }
  return noResultsMessage({ label, corrected, withoutDates });
}

function withHeading(message: SlackMessage, heading: Heading | undefined): SlackMessage {
  if (heading === undefined) return message;
  return { text: `${heading.plain}\n${message.text}`, blocks: [headingBlock(heading), ...message.blocks] };
}
