import type { CorpusRecord } from '../model/record.ts';
import type { RelatedEvent } from '../model/search.ts';
import type { CorpusTables } from './corpus-tables.ts';
import { dayNumber } from './day-number.ts';
import type { RecordIndex } from './mini-search.ts';
import { recordsWithTerm } from './mini-search-internals.ts';
import { ARTICLE } from './record-columns.ts';
import { indexTerms } from './text.ts';

/** Headline words searched for similar events, rarest first: the rare ones say what a story is. */
const QUERY_TERMS = 6;
/**
 * A context shared by more records than this is a region or a theme ("North Korea"), not a story:
 * it never makes two events related by itself, it only ranks a similar headline higher.
 */
const STORY_CONTEXT_LIMIT = 400;
/**
 * Share of the headline's rarity a candidate must match when the headline names nothing (no proper
 * noun among its distinctive words). When it does name something ("Kaesong"), a candidate must name
 * it too, so "agree to reopen" alone never relates a Cuban spy base to a Korean factory.
 */
const MIN_COVERAGE_WITHOUT_NAMES = 0.5;
const CANDIDATES = 300;
const HEADLINE_FIELDS = ['title', 'contexts'];

interface Candidate {
  n: number;
  coverage: number;
  matched: string[];
  /** Shared story labels, small enough to relate events by themselves. */
  stories: string[];
  /** Shared broad contexts. */
  themes: string[];
}

/**
 * Up to `limit` events related to one record: its own Related links first, then events sharing a story
 * label or the rare words of its headline, closer in time ranked higher. Never the record itself or a
 * record with the same headline.
 */
export function findRelated(
  tables: CorpusTables,
  miniSearch: RecordIndex,
  id: string,
  limit: number,
): RelatedEvent[] {
  const record = tables.recordById(id);
  if (record === undefined || limit <= 0) return [];
  const headline = sameHeadlineKey(record.title);
  const taken = new Set<string>([record.id]);
  const related: RelatedEvent[] = [];
  const add = (other: CorpusRecord, reason: string) => {
    if (related.length >= limit || taken.has(other.id) || sameHeadlineKey(other.title) === headline) return;
    taken.add(other.id);
    related.push({ id: other.id, title: other.title, date: other.date, reason });
  };

  for (const link of record.related) {
    const linked = tables.recordById(link.id);
    if (linked !== undefined) add(linked, 'linked from the event page');
  }
  if (related.length >= limit) return related;

  const candidates = new Map<number, Candidate>();
  const candidate = (n: number) => {
    let found = candidates.get(n);
    if (found === undefined) {
      found = { n, coverage: 0, matched: [], stories: [], themes: [] };
      candidates.set(n, found);
    }
    return found;
  };

  const themes: string[] = [];
  for (const context of record.contexts) {
    const sharing = tables.withContext(context);
    if (sharing.length > STORY_CONTEXT_LIMIT) themes.push(context.toLowerCase());
    else for (const n of nearestInTime(tables, sharing, record, CANDIDATES)) candidate(n).stories.push(context);
  }

  // A word in more than 1% of headlines ("killed", "president") says nothing about the story and
  // would make this an OR over thousands of postings.
  const commonAbove = Math.max(50, tables.count / 100);
  const names = namesIn(record.title);
  const terms = [...new Set(indexTerms(record.title))]
    .filter((term) => tables.headlineFrequency(term) <= commonAbove)
    .map((term) => ({ term, rarity: tables.rarity(term), name: names.has(term) }))
    .sort((a, b) => Number(b.name) - Number(a.name) || b.rarity - a.rarity)
    .slice(0, QUERY_TERMS);
  const anchors = new Set(terms.filter(({ name }) => name).map(({ term }) => term));
  const totalRarity = terms.reduce((sum, { rarity }) => sum + rarity, 0);
  if (totalRarity > 0) {
    const rarityOf = new Map(terms.map(({ term, rarity }) => [term, rarity]));
    const matchedBy = new Map<number, string[]>();
    for (const { term } of terms) {
      for (const n of recordsWithTerm(miniSearch, term, HEADLINE_FIELDS)) {
        const matched = matchedBy.get(n);
        if (matched === undefined) matchedBy.set(n, [term]);
        else matched.push(term);
      }
    }
    for (const [n, matched] of matchedBy) {
      const coverage = matched.reduce((sum, term) => sum + rarityOf.get(term)!, 0) / totalRarity;
      const relevant = anchors.size > 0 ? matched.some((term) => anchors.has(term)) : coverage >= MIN_COVERAGE_WITHOUT_NAMES;
      if (!relevant) continue;
      const found = candidate(n);
      found.coverage = coverage;
      found.matched = matched.sort((a, b) => rarityOf.get(b)! - rarityOf.get(a)!);
    }
  }

  if (themes.length > 0) {
    for (const found of candidates.values()) {
      found.themes = tables.contextsOf(found.n).filter((context) => themes.includes(context));
    }
  }

  const origin = record.date === null ? null : dayNumber(record.date);
  const ranked = [...candidates.values()]
    .filter((found) => (tables.flags(found.n) & ARTICLE) === 0)
    .map((found) => ({ found, score: relatedness(found, tables, origin) }))
    .sort((a, b) => b.score - a.score || a.found.n - b.found.n);
  for (const { found } of ranked) {
    if (related.length >= limit) break;
    add(tables.record(found.n), reason(found));
  }
  return related;
}

function relatedness(found: Candidate, tables: CorpusTables, origin: number | null): number {
  const day = tables.days[found.n]!;
  const years = origin === null || day === 0 ? 5 : Math.abs(yearsBetween(origin, day));
  const closeness = 1 / (1 + years);
  const story = found.stories.length > 0 ? 0.35 : 0;
  const theme = found.themes.length > 0 ? 0.15 : 0;
  return (found.coverage + story + theme) * (0.5 + closeness);
}

function reason(found: Candidate): string {
  const story = found.stories[0];
  if (story !== undefined) return `same story: ${story}`;
  return `also about ${found.matched.slice(0, 2).join(', ')}`;
}

/** The records sharing a context, closest in date to the record first, at most `count`. */
function nearestInTime(tables: CorpusTables, sharing: readonly number[], record: CorpusRecord, count: number): readonly number[] {
  if (sharing.length <= count || record.date === null) return sharing.slice(0, count);
  const origin = dayNumber(record.date);
  return [...sharing]
    .sort((a, b) => Math.abs(yearsBetween(origin, tables.days[a]!)) - Math.abs(yearsBetween(origin, tables.days[b]!)))
    .slice(0, count);
}

function yearsBetween(a: number, b: number): number {
  const asYears = (day: number) => Math.floor(day / 10_000) + ((Math.floor(day / 100) % 100) - 1) / 12 + ((day % 100) - 1) / 365;
  return asYears(b) - asYears(a);
}

const CALENDAR_WORDS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

/** Words written with a capital inside the headline (not its first word, nor a month or day): the names it is about. */
function namesIn(title: string): Set<string> {
  const names = new Set<string>();
  for (const word of title.split(/\s+/).slice(1)) {
    if (!/^\p{Lu}/u.test(word)) continue;
    for (const term of indexTerms(word)) if (!CALENDAR_WORDS.has(term)) names.add(term);
  }
  return names;
}

function sameHeadlineKey(title: string): string {
  return indexTerms(title).join(' ');
}
