import { documentFrequency, termsNear } from './mini-search-internals.ts';
import type { RecordIndex } from './mini-search.ts';

const ALTERNATIVES = 3;

/** How many slips a word may have: none under four letters, where any slip makes another word. */
export function allowedEdits(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

/** Levenshtein counts a swap as two edits: look that far to find every word one swap away. */
const SEARCH_DISTANCE = 2;

/**
 * The index words a possibly misspelt word stands for. A known word stands for itself. An unknown
 * one stands for its closest known words by Damerau distance (a swapped pair, "keasong", is one
 * slip), the most common first. Searching those exactly is both better and far cheaper than
 * letting MiniSearch fuzz every word: "keasong" no longer also matches "season" and "reason".
 */
export function spellings(miniSearch: RecordIndex, term: string): string[] {
  if (documentFrequency(miniSearch, term) > 0) return [term];
  const edits = allowedEdits(term);
  if (edits === 0) return [];
  const candidates = termsNear(miniSearch, term, SEARCH_DISTANCE).map((candidate) => ({ candidate, distance: damerauDistance(term, candidate) }));
  const best = Math.min(...candidates.map(({ distance }) => distance));
  if (!Number.isFinite(best) || best > edits) return [];
  return candidates
    .filter(({ distance }) => distance === best)
    .map(({ candidate }) => ({ candidate, frequency: documentFrequency(miniSearch, candidate) }))
    .sort((a, b) => b.frequency - a.frequency || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, ALTERNATIVES)
    .map(({ candidate }) => candidate);
}

/** Edits between two words, counting a swap of neighbours as one (optimal string alignment). */
export function damerauDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d: number[] = new Array(rows * columns).fill(0);
  for (let i = 0; i < rows; i += 1) d[i * columns] = i;
  for (let j = 0; j < columns; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * columns + j]! + 1, d[i * columns + j - 1]! + 1, d[(i - 1) * columns + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * columns + j - 2]! + 1);
      d[i * columns + j] = value;
    }
  }
  return d[rows * columns - 1]!;
}
