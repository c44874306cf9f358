import type { CorpusRecord } from '../../src/model/record.ts';
import type { ParsedQuery } from '../../src/model/query.ts';
import type { RelatedEvent, SearchOptions, SearchPage } from '../../src/model/search.ts';
import type { Searcher } from '../../src/search/searcher.ts';

/**
 * A Searcher over a handful of records for listener and builder tests: every term must appear in the
 * title or summary (case-insensitive), date ranges filter, timelines come oldest first.
 */
export function fakeSearcher(records: CorpusRecord[], vocabulary: Record<string, string[]> = {}): Searcher & { queries: ParsedQuery[] } {
  const queries: ParsedQuery[] = [];
  return {
    queries,
    get size() {
      return records.length;
    },
    search(query: ParsedQuery, options: SearchOptions = {}): SearchPage {
      queries.push(query);
      const limit = options.limit ?? 5;
      const offset = options.offset ?? 0;
      const words = [...query.terms, ...query.phrases].map((word) => word.toLowerCase());
      const matching = records.filter((record) => {
        const text = `${record.title} ${record.summary}`.toLowerCase();
        if (!words.every((word) => text.includes(word))) return false;
        if (query.excludes.some((word) => text.includes(word.toLowerCase()))) return false;
        if (query.date?.kind === 'range' && record.date !== null) {
          const { from, to } = query.date.range;
          if (from !== null && record.date < from) return false;
          if (to !== null && record.date > to) return false;
        }
        return true;
      });
      const ordered = query.timeline ? [...matching].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')) : matching;
      return {
        query,
        total: ordered.length,
        offset,
        relaxed: false,
        hits: ordered.slice(offset, offset + limit).map((record) => ({
          record,
          score: 1,
          matchedTerms: words.filter((word) => `${record.title} ${record.summary}`.toLowerCase().includes(word)),
          related: [],
        })),
      };
    },
    related(): RelatedEvent[] {
      return [];
    },
    get(id: string) {
      return records.find((record) => record.id === id);
    },
    suggest(word: string): string[] {
      return vocabulary[word.toLowerCase()] ?? [];
    },
    onThisDay(month: number, day: number) {
      const suffix = `-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      return records.filter((record) => record.date?.endsWith(suffix) ?? false);
    },
  };
}
