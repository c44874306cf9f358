import type { CorpusRecord } from '../model/record.ts';
import type { Digest } from '../model/digest.ts';
import type { Searcher } from '../search/searcher.ts';

export interface SelectDigestOptions {
  /** The channel's topic words; matching events rank higher. */
  topic?: string;
  /** Ids that entered the corpus since the channel's last digest (see recordsSeenSince). */
  newRecordIds?: readonly string[];
  onThisDayLimit?: number;
  newlyAddedLimit?: number;
}

const DEFAULTS = { onThisDayLimit: 5, newlyAddedLimit: 5 };
/** Only the best candidates by the cheap signals get the (costlier) related-events lookup. */
const RELATED_CANDIDATES = 25;
const ROUND_ANNIVERSARIES = new Set([1, 5, 10, 20, 25, 30, 40, 50, 75, 100]);

export type DigestSearcher = Pick<Searcher, 'onThisDay' | 'related' | 'get'>;

/**
 * Picks a day's digest: events from this month-day in earlier years, ranked by significance
 * (sources, related events, the channel's topic, real event over a link-only stub, round anniversaries),
 * and records newly added to the corpus. Pure apart from the searcher it reads.
 */
export function selectDigest(searcher: DigestSearcher, localDay: string, options: SelectDigestOptions = {}): Digest {
  const { onThisDayLimit, newlyAddedLimit } = { ...DEFAULTS, ...definedOnly(options) };
  const [year, month, day] = localDay.split('-').map(Number) as [number, number, number];
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new RangeError(`localDay must be YYYY-MM-DD; got "${localDay}"`);
  }
  const topicWords = words(options.topic ?? '');
  const earlier = sameDayRecords(searcher, year, month, day).filter((record) => yearOf(record) < year);

  const cheap = earlier
    .map((record) => ({ record, yearsAgo: year - yearOf(record), score: baseScore(record, topicWords, year - yearOf(record)) }))
    .sort(byScore);
  const withRelated = cheap.map((item, rank) =>
    rank < RELATED_CANDIDATES ? { ...item, score: item.score + Math.min(searcher.related(item.record.id, 5).length, 5) } : item,
  );
  const ranked = withRelated.sort(byScore);
  const onThisDay = ranked.slice(0, onThisDayLimit).map((item) => ({ ...item, label: yearsAgoLabel(item.yearsAgo) }));

  const shown = new Set(onThisDay.map((item) => item.record.id));
  const added = [...new Set(options.newRecordIds ?? [])]
    .map((id) => searcher.get(id))
    .filter((record): record is CorpusRecord => record !== undefined && !record.stub && !shown.has(record.id))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));

  return {
    localDay,
    topic: options.topic ?? '',
    onThisDay,
    onThisDayTotal: ranked.length,
    newlyAdded: added.slice(0, newlyAddedLimit),
    newlyAddedTotal: added.length,
  };
}

export function yearsAgoLabel(years: number): string {
  return years === 1 ? '1 year ago' : `${years} years ago`;
}

export function isEmptyDigest(digest: Digest): boolean {
  return digest.onThisDayTotal === 0 && digest.newlyAddedTotal === 0;
}

/** 29 February events are remembered on 28 February in years without one. */
function sameDayRecords(searcher: DigestSearcher, year: number, month: number, day: number): CorpusRecord[] {
  const records = searcher.onThisDay(month, day);
  if (month === 2 && day === 28 && !isLeapYear(year)) return [...records, ...searcher.onThisDay(2, 29)];
  return records;
}

function baseScore(record: CorpusRecord, topicWords: string[], yearsAgo: number): number {
  let score = 2 * Math.min(record.sources.length, 5) + Math.min(record.related.length, 5);
  if (!record.stub) score += 4;
  if (topicWords.length > 0) {
    const text = new Set(words([record.title, record.summary, ...record.contexts, record.category ?? ''].join(' ')));
    const matched = topicWords.filter((word) => text.has(word)).length;
    // All the topic's words together is the topic; one word of several ("north" of "north korea") barely is.
    if (matched === topicWords.length) score += 8;
    else score += 2 * matched;
  }
  if (ROUND_ANNIVERSARIES.has(yearsAgo)) score += 1;
  return score;
}

function byScore(a: { record: CorpusRecord; score: number }, b: { record: CorpusRecord; score: number }): number {
  return b.score - a.score || (b.record.date ?? '').localeCompare(a.record.date ?? '') || a.record.id.localeCompare(b.record.id);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
}

function yearOf(record: CorpusRecord): number {
  return Number((record.date ?? '').slice(0, 4)) || Number.POSITIVE_INFINITY;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
