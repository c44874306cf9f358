import type { ParsedQuery } from '../model/query.ts';
import type { CorpusRecord, IsoDate } from '../model/record.ts';
import type { SearchPage } from '../model/search.ts';
import type { Searcher } from '../search/searcher.ts';
import type { PeriodGlance } from '../model/period-glance.ts';
import { periodGlance, storyEvents } from './period-glance.ts';

/**
 * A bare date with fewer events than five pages reads best as its timeline (the bundled corpus's
 * 2013 is six Kaesong events). Past this many, a period is read in full only by paging its timeline:
 * reading every event of a decade for one answer would hold up the bot.
 */
const GLANCE_MIN_EVENTS = 25;
const GLANCE_MAX_EVENTS = 25_000;
const RELATED_PER_EVENT = 3;
const CACHED_PERIODS = 32;

const cache = new WeakMap<Searcher, Map<string, PeriodGlance | null>>();

/**
 * The period at a glance for a bare date range (`2013`, `Aug 2013`, `last week`), or null when the
 * query is not one or its period is too small or too large for a glance. `today` caps an open or
 * future end. Kept per searcher, so a reload starts afresh.
 */
export function glanceOfPeriod(searcher: Searcher, query: ParsedQuery, today: IsoDate): PeriodGlance | null {
  if (!query.timeline || query.date?.kind !== 'range' || query.excludes.length > 0) return null;
  const { from, to } = query.date.range;
  const end = to === null || to > today ? today : to;
  const key = `${from}|${end}`;
  let periods = cache.get(searcher);
  if (periods === undefined) {
    periods = new Map();
    cache.set(searcher, periods);
  }
  if (periods.has(key)) return periods.get(key)!;
  const total = searcher.search(query, { limit: 0, relatedLimit: 0 }).total;
  const glance =
    total < GLANCE_MIN_EVENTS || total > GLANCE_MAX_EVENTS ? null : periodGlance(periodRecords(searcher, query, total), { from, to: end });
  if (glance !== null && glance.storyCount === 0) return remember(periods, key, null);
  return remember(periods, key, glance);
}

/** One page of a story's events within a period, oldest first, as a search page. */
export function storyPage(searcher: Searcher, query: ParsedQuery, label: string, options: { offset: number; limit: number }): SearchPage {
  const total = searcher.search(query, { limit: 0, relatedLimit: 0 }).total;
  const events = storyEvents(periodRecords(searcher, query, Math.min(total, GLANCE_MAX_EVENTS)), label);
  const hits = events.slice(options.offset, options.offset + options.limit).map((record) => ({
    record,
    score: 0,
    matchedTerms: [],
    related: searcher.related(record.id, RELATED_PER_EVENT),
  }));
  return { query, total: events.length, offset: options.offset, hits, relaxed: false };
}

function periodRecords(searcher: Searcher, query: ParsedQuery, total: number): CorpusRecord[] {
  return searcher.search(query, { limit: total, relatedLimit: 0 }).hits.map((hit) => hit.record);
}

function remember(periods: Map<string, PeriodGlance | null>, key: string, glance: PeriodGlance | null): PeriodGlance | null {
  if (periods.size >= CACHED_PERIODS) periods.delete(periods.keys().next().value!);
  periods.set(key, glance);
  return glance;
}
