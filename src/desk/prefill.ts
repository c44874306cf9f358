import type { CorpusRecord, IsoDate } from '../model/record.ts';
import { parseQuery } from '../query/parse-query.ts';
import type { Searcher } from '../search/searcher.ts';
import type { DeskForm } from './desk-draft.ts';
import { outletName } from './outlet-name.ts';
import { linksInSlackText, plainFromSlack } from './slack-markup.ts';

/** A related event offered as a checkbox. */
export interface RelatedSuggestion {
  id: string;
  title: string;
  date: IsoDate | null;
}

export interface Prefill {
  form: DeskForm;
  suggestions: RelatedSuggestion[];
}

const HEADLINE_CHARS = 150;
const SUGGESTIONS = 6;
const TICKED = 3;
const SUGGESTED_TAGS = 5;

/**
 * The modal's fields from a Slack message: its first sentence as headline, a day written in it (else
 * the message's own day in `timeZone`), its text as plain text, its links as sources, and the best
 * related events (three ticked) with their commonest context tags.
 */
export function prefillFromMessage(
  message: { text: string; ts: string },
  options: { searcher: Searcher | null; now: Date; timeZone: string },
): Prefill {
  const summary = plainFromSlack(message.text);
  const headline = firstSentence(summary);
  const written = parseQuery(summary.replace(/\n/g, ' '), { now: options.now, timeZone: options.timeZone }).date;
  const day =
    written?.kind === 'range' && written.range.from !== null && written.range.from === written.range.to ? written.range.from : null;
  const sources = linksInSlackText(message.text).map((url) => `${outletName(url)} ${url}`);
  const searcher = options.searcher;
  // Warming up: no suggestions yet, but the modal opens all the same.
  const related = searcher === null ? [] : relatedSuggestions(searcher, headline, null);
  return {
    form: {
      headline,
      date: day ?? dayIn(new Date(Number(message.ts) * 1000), options.timeZone),
      summary,
      sources: sources.join('\n'),
      contexts: searcher === null ? '' : suggestedTags(searcher, related).join(', '),
      related: related.slice(0, TICKED).map((event) => event.id),
      image: '',
    },
    suggestions: related,
  };
}

/**
 * Events like one described by `headline`, best first, leaving out `ownId`: searched with all its
 * words, then its names (capitalised words), then its three longest words, until there are six.
 */
export function relatedSuggestions(searcher: Searcher, headline: string, ownId: string | null): RelatedSuggestion[] {
  const words = headline
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => /\p{L}/u.test(word));
  const names = words.filter((word, i) => i > 0 && /^\p{Lu}/u.test(word));
  const longest = [...words].sort((a, b) => b.length - a.length).slice(0, 3);
  const found = new Map<string, RelatedSuggestion>();
  for (const query of [words, names, longest]) {
    for (const event of searchEvents(searcher, query.join(' '), ownId)) if (found.size < SUGGESTIONS) found.set(event.id, event);
  }
  return [...found.values()];
}

function searchEvents(searcher: Searcher, text: string, ownId: string | null): RelatedSuggestion[] {
  const parsed = parseQuery(text, { now: new Date(0) });
  if (parsed.terms.length === 0) return [];
  const page = searcher.search({ ...parsed, date: null, dateLabel: null, timeline: false }, { limit: 20, relatedLimit: 0 });
  return (
    page.hits
      .map((hit) => hit.record)
      // Stubs too: events known from Related links are real events, with a date and a headline.
      .filter((record) => record.kind === 'event' && record.id !== ownId)
      .slice(0, SUGGESTIONS)
      .map((record) => ({ id: record.id, title: record.title, date: record.date }))
  );
}

/** The context tags the ticked suggestions share most, commonest first. */
function suggestedTags(searcher: Searcher, related: readonly RelatedSuggestion[]): string[] {
  const counts = new Map<string, number>();
  for (const event of related.slice(0, TICKED)) {
    const record: CorpusRecord | undefined = searcher.get(event.id);
    for (const tag of record?.contexts ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, SUGGESTED_TAGS)
    .map(([tag]) => tag);
}

/** The first sentence (or line), at most 150 characters, cut at a word. */
export function firstSentence(text: string): string {
  const line = text.split('\n').find((part) => part.trim() !== '') ?? '';
  const sentence = /^.*?[.!?](?=\s|$)/.exec(line)?.[0] ?? line;
  const trimmed = sentence.trim();
  if (trimmed.length <= HEADLINE_CHARS) return trimmed;
  const room = trimmed.slice(0, HEADLINE_CHARS - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > HEADLINE_CHARS / 2 ? room.slice(0, space) : room).replace(/[\s,;:]+$/, '')}…`;
}

/** The calendar day `moment` falls on in `timeZone`. */
function dayIn(moment: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
