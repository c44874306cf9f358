import { parseQuery } from '../src/query/parse-query.ts';
import { glanceOfPeriod } from '../src/period/glance-of.ts';
import type { Searcher } from '../src/search/searcher.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

/**
 * The query kinds whose work can grow with the corpus rather than with the answer: long periods (a
 * timeline's first page, and the period at a glance a bare date gets in Slack), "on this day" (one day
 * in every year of the archive), relative dates. At N× the copies add years, not events per year, so
 * what grows here is what walks the whole archive.
 */
const SLOW_QUERIES = {
  'long timeline': ['since 2005', 'before 2000', '1900..2026', '2002..2026', 'earthquake since 1990', 'election before 2010'],
  'on this day': ['on this day', '7 August', '11 September', 'kaesong on this day', 'earthquake on this day', 'election on this day'],
  'relative dates': ['last week', 'past 30 days', 'this month', 'ebola last year', 'election last month', 'earthquake this year'],
} as const;

/** Periods whose glance is built (uncached: each once) as a bare date in Slack would build it. */
const GLANCE_PERIODS = ['2013', 'Aug 2013', 'last year', 'this year', 'past 30 days', '2008', '2011', '2020'];

type Line = (label: string, value: string) => void;

export function timeSlowKinds(searcher: Searcher, now: Date, rounds: number, line: Line): Record<string, Percentiles> {
  const results: Record<string, Percentiles> = {};
  for (const [kind, texts] of Object.entries(SLOW_QUERIES)) {
    const queries = texts.map((text) => parseQuery(text, { now }));
    for (const query of queries) searcher.search(query, { limit: 5, relatedLimit: 0 });
    const times: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const query of queries) {
        const start = performance.now();
        searcher.search(query, { limit: 5, relatedLimit: 0 });
        times.push(performance.now() - start);
      }
    }
    results[kind] = percentiles(times);
    line(`  ${kind}`, format(results[kind]));
  }
  const today = now.toISOString().slice(0, 10);
  const glances = GLANCE_PERIODS.map((text) => {
    const query = parseQuery(text, { now });
    const start = performance.now();
    glanceOfPeriod(searcher, query, today);
    return performance.now() - start;
  });
  results['period glance'] = percentiles(glances);
  line(`  period glance, uncached (${GLANCE_PERIODS.length} periods)`, format(results['period glance']));
  return results;
}

function format(p: Percentiles): string {
  return `${p.p50.toFixed(2)} / ${p.p95.toFixed(2)} / ${p.p99.toFixed(2)} ms (max ${p.max.toFixed(1)} ms)`;
}
