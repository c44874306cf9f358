import { postingCount, termsNear, termsStartingWith } from './mini-search-internals.ts';
import type { RecordIndex } from './mini-search.ts';

/** Endings that turn a word into its plural, past, -ing or demonym: korea → korean, koreans. */
const ENDINGS = ['s', 'es', 'd', 'ed', 'ing', 'n', 'ns', 'an', 'ans', 'ese', 'er', 'ers'];
const COMPLETIONS = 5;
const CORRECTIONS = 3;

/**
 * The index words one query word stands for, searched exactly (never MiniSearch's open-ended prefix
 * and fuzzy expansion, which made a four-word query score tens of thousands of postings):
 * - a known word: itself and its forms with common endings ("reopen" → reopens, reopening);
 * - an unknown word of four letters or more: the commonest words it starts ("kaeso" → kaesong);
 * - otherwise its closest known words by Damerau distance, a swapped pair being one slip
 *   ("keasong" → kaesong, "ebloa" → ebola), most common first.
 */
export function wordForms(miniSearch: RecordIndex, term: string): string[] {
  if (postingCount(miniSearch, term) > 0) {
    const stem = term.endsWith('s') && postingCount(miniSearch, term.slice(0, -1)) > 0 ? [term.slice(0, -1)] : [];
    return [term, ...stem, ...ENDINGS.map((ending) => term + ending).filter((form) => postingCount(miniSearch, form) > 0)];
  }
  if (term.length >= 4) {
    const completions = mostCommon(miniSearch, termsStartingWith(miniSearch, term), COMPLETIONS);
    if (completions.length > 0) return completions;
  }
  return corrections(miniSearch, term);
}

function corrections(miniSearch: RecordIndex, term: string): string[] {
  const edits = allowedEdits(term);
  if (edits === 0) return [];
  // One slip is one Levenshtein edit or a swap of neighbours; searching the tree one edit deep and
  // looking the swaps up is ~10x cheaper than the two-edit search a swap needs in Levenshtein terms.
  const oneSlip = new Set([...termsNear(miniSearch, term, 1), ...swaps(term).filter((swapped) => postingCount(miniSearch, swapped) > 0)]);
  if (oneSlip.size > 0) return mostCommon(miniSearch, [...oneSlip], CORRECTIONS);
  if (edits < 2) return [];
  const twoSlips = termsNear(miniSearch, term, 2).filter((candidate) => damerauDistance(term, candidate) === 2);
  return mostCommon(miniSearch, twoSlips, CORRECTIONS);
}

/** The word with each pair of neighbouring letters swapped. */
function swaps(term: string): string[] {
  const swapped: string[] = [];
  for (let i = 0; i + 1 < term.length; i += 1) {
    if (term[i] !== term[i + 1]) swapped.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return swapped;
}

/** How many slips a word may have: none under four letters, where any slip makes another word. */
function allowedEdits(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

function mostCommon(miniSearch: RecordIndex, terms: string[], count: number): string[] {
  return terms
    .map((term) => ({ term, postings: postingCount(miniSearch, term) }))
    .sort((a, b) => b.postings - a.postings || (a.term < b.term ? -1 : 1))
    .slice(0, count)
    .map(({ term }) => term);
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
