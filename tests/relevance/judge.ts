import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { foldAccents, keyOf, type RawEvent } from './raw-events.ts';

/** One judged query and the criteria its relevant events meet (see judged-queries.yaml). */
export interface JudgedQuery {
  query: string;
  kind: string;
  from?: string;
  to?: string;
  /** Every list must be met by one of its alternatives. */
  all: string[][];
}

/** What a search engine under judgement returns: its hits, best first, as date and headline. */
export interface JudgedHit {
  date: string | null;
  title: string;
}

interface QueryScore {
  query: string;
  kind: string;
  relevant: number;
  precisionAt10: number;
  recallAt20: number;
}

export interface Judgement {
  meanPrecisionAt10: number;
  meanRecallAt20: number;
  queries: QueryScore[];
}

const JUDGED_QUERIES_FILE = new URL('./judged-queries.yaml', import.meta.url);

export function readJudgedQueries(file: URL = JUDGED_QUERIES_FILE): JudgedQuery[] {
  return yaml.load(readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA }) as JudgedQuery[];
}

/**
 * The raw events that meet a query's criteria: within its dates, and every list met by the event's
 * line or by the story it is filed under, at least one by the line itself (a label may supply the
 * missing words of an event, never all of them: "NATO agrees to extend its missile defence" under
 * "NATO summit" is about the summit; "Obama signs a bill" after it is not).
 */
export function relevantEvents(query: JudgedQuery, events: readonly RawEvent[]): RawEvent[] {
  const lists = query.all.map((alternatives) => alternatives.map(matcher));
  return events.filter((event) => {
    if ((query.from !== undefined && event.date < query.from) || (query.to !== undefined && event.date > query.to)) return false;
    const inLine = lists.map((alternatives) => alternatives.some((matches) => matches(event.foldedText)));
    return (
      inLine.some(Boolean) && lists.every((alternatives, i) => inLine[i] || alternatives.some((matches) => matches(event.foldedContext)))
    );
  });
}

/**
 * P@10: relevant events among the first 10 hits, over min(10, relevant events); R@20: relevant
 * events among the first 20 hits, over min(20, relevant events). Both are 1 for a perfect ranking
 * whatever the number of relevant events. A hit is a relevant event when it has its date and its
 * headline begins the raw line (outlets and the 2026 schema's summary follow the headline there).
 */
export function judge(queries: readonly JudgedQuery[], events: readonly RawEvent[], search: (query: string) => JudgedHit[]): Judgement {
  const scores = queries.map((query): QueryScore => {
    const relevant = relevantEvents(query, events);
    const byDate = new Map<string, RawEvent[]>();
    for (const event of relevant) byDate.set(event.date, [...(byDate.get(event.date) ?? []), event]);
    const found = new Set<RawEvent>();
    const isRelevant = (hit: JudgedHit): boolean => {
      const key = keyOf(hit.title).slice(0, 60);
      const match =
        hit.date === null || key === '' ? undefined : byDate.get(hit.date)?.find((event) => !found.has(event) && event.key.startsWith(key));
      if (match === undefined) return false;
      found.add(match);
      return true;
    };
    const marks = search(query.query).slice(0, 20).map(isRelevant);
    const within = (n: number) => marks.slice(0, n).filter(Boolean).length;
    return {
      query: query.query,
      kind: query.kind,
      relevant: relevant.length,
      precisionAt10: relevant.length === 0 ? 0 : within(10) / Math.min(10, relevant.length),
      recallAt20: relevant.length === 0 ? 0 : within(20) / Math.min(20, relevant.length),
    };
  });
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return {
    meanPrecisionAt10: mean(scores.map((s) => s.precisionAt10)),
    meanRecallAt20: mean(scores.map((s) => s.recallAt20)),
    queries: scores,
  };
}

/** Whether a text, accents already folded, has the alternative. */
function matcher(alternative: string): (foldedText: string) => boolean {
  const caseSensitive = alternative.startsWith('=');
  const words = alternative.replace(/^=/, '');
  const open = words.endsWith('*');
  const body = foldAccents(words.replace(/\*$/, ''))
    .split(/[\s-]+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s-]+');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}${open ? '' : '(?![\\p{L}\\p{N}])'}`, caseSensitive ? 'u' : 'iu');
  return (foldedText) => pattern.test(foldedText);
}
