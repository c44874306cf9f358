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
  /** Bit i: the candidate has the headline's i-th query word. */
  words: number;
  /** Shared story labels, small enough to relate events by themselves. */
  stories: string[];
  /** Shares a broad context ("North Korea") with the record. */
  sharesTheme: boolean;
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
      found = { n, coverage: 0, words: 0, stories: [], sharesTheme: false };
      candidates.set(n, found);
    }
    return found;
  };

  const themes = new Set<number>();
  for (const context of record.contexts) {
    const sharing = tables.withContext(context);
    if (sharing.length > STORY_CONTEXT_LIMIT) themes.add(tables.contextId(context)!);
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
  const totalRarity = terms.reduce((sum, { rarity }) => sum + rarity, 0);
  if (totalRarity > 0) {
    // Which of the (at most 6) words each record has, as a bit mask, from one merge of their sorted lists.
    const anchors = terms.reduce((mask, { name }, bit) => (name ? mask | (1 << bit) : mask), 0);
    // Summed in the words' order, so a mask's coverage is what adding up its words gives.
    const coverageOf = Array.from({ length: 1 << terms.length }, (_, mask) =>
      terms.reduce((sum, { rarity }, bit) => (mask & (1 << bit) ? sum + rarity : sum), 0) / totalRarity,
    );
    const { numbers, masks } = mergeMasks(terms.map(({ term }) => recordsWithTerm(miniSearch, term, HEADLINE_FIELDS)));
    for (let i = 0; i < numbers.length; i += 1) {
      const mask = masks[i]!;
      const relevant = anchors !== 0 ? (mask & anchors) !== 0 : coverageOf[mask]! >= MIN_COVERAGE_WITHOUT_NAMES;
      if (!relevant) continue;
      const found = candidate(numbers[i]!);
      found.coverage = coverageOf[mask]!;
      found.words = mask;
    }
  }

  if (themes.size > 0) {
    for (const found of candidates.values()) found.sharesTheme = tables.hasAnyContext(found.n, themes);
  }

  const origin = record.date === null ? null : dayNumber(record.date);
  const ranked = [...candidates.values()].filter((found) => (tables.flags(found.n) & ARTICLE) === 0);
  const scores = ranked.map((found) => relatedness(found, tables, origin));
  // Best first, picked one at a time: the few shown are found without sorting thousands of candidates.
  const picked = new Uint8Array(ranked.length);
  while (related.length < limit) {
    let best = -1;
    for (let i = 0; i < ranked.length; i += 1) {
      if (picked[i] === 1) continue;
      if (best < 0 || scores[i]! > scores[best]! || (scores[i] === scores[best] && ranked[i]!.n < ranked[best]!.n)) best = i;
    }
    if (best < 0) break;
    picked[best] = 1;
    add(tables.record(ranked[best]!.n), reason(ranked[best]!, terms));
  }
  return related;
}

/** Each record in any of the sorted lists, ascending, with bit i of its mask set when list i has it. */
function mergeMasks(lists: readonly Uint32Array[]): { numbers: number[]; masks: number[] } {
  const numbers: number[] = [];
  const masks: number[] = [];
  const at = new Array<number>(lists.length).fill(0);
  for (;;) {
    let n = Infinity;
    for (let i = 0; i < lists.length; i += 1) if (at[i]! < lists[i]!.length && lists[i]![at[i]!]! < n) n = lists[i]![at[i]!]!;
    if (n === Infinity) return { numbers, masks };
    let mask = 0;
    for (let i = 0; i < lists.length; i += 1) {
      if (lists[i]![at[i]!] === n) {
        mask |= 1 << i;
        at[i]! += 1;
      }
    }
    numbers.push(n);
    masks.push(mask);
  }
}

function relatedness(found: Candidate, tables: CorpusTables, origin: number | null): number {
  const day = tables.days[found.n]!;
  const years = origin === null || day === 0 ? 5 : Math.abs(yearsBetween(origin, day));
  const closeness = 1 / (1 + years);
  const story = found.stories.length > 0 ? 0.35 : 0;
  const theme = found.sharesTheme ? 0.15 : 0;
  return (found.coverage + story + theme) * (0.5 + closeness);
}

function reason(found: Candidate, terms: readonly { term: string; rarity: number }[]): string {
  const story = found.stories[0];
  if (story !== undefined) return `same story: ${story}`;
  const rarestFirst = terms.filter((_, bit) => found.words & (1 << bit)).sort((a, b) => b.rarity - a.rarity);
  return `also about ${rarestFirst.slice(0, 2).map(({ term }) => term).join(', ')}`;
}

/** The records sharing a context, closest in date to the record first, at most `count`. */
function nearestInTime(tables: CorpusTables, sharing: readonly number[], record: CorpusRecord, count: number): readonly number[] {
  if (sharing.length <= count || record.date === null) return sharing.slice(0, count);
  const origin = dayNumber(record.date);
  return sharing
    .map((n) => ({ n, distance: Math.abs(yearsBetween(origin, tables.days[n]!)) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .map(({ n }) => n);
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
