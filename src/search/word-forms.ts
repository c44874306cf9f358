import { postingCount, termsNear, termsNearAfter, termsStartingWith } from './mini-search-internals.ts';
import type { RecordIndex } from './mini-search.ts';

/**
 * Endings that turn a word into its plural, past, -ing, agent or demonym (korea → korean, koreans),
 * each with the words it may follow: without those, "us" stood for used and using, "ira" for iran,
 * "war" for ward and warn.
 */
const ENDINGS: readonly { ending: string; follows: (word: string) => boolean }[] = [
  ...['s', 'es', 'ed', 'ing'].map((ending) => ({ ending, follows: (word: string) => word.length >= 3 })),
  { ending: 'd', follows: (word) => word.length >= 3 && word.endsWith('e') },
  ...['n', 'ns'].map((ending) => ({ ending, follows: (word: string) => word.length >= 4 && word.endsWith('a') })),
  ...['an', 'ans', 'ese', 'er', 'ers'].map((ending) => ({ ending, follows: (word: string) => word.length >= 4 })),
];
const COMPLETIONS = 5;

/** Noun endings whose verb the wire copy uses instead: annexation → annex (annexes, annexed). */
const NOUN_ENDINGS = ['ations', 'ation'];
const MIN_STEM = 4;
/**
 * A slip more must make a word this many times commoner to be the likelier guess. On the WCEP
 * archive: "ahmedinajad" is two slips from ahmadinejad (146 postings) and one from a misspelling
 * in the corpus (1), "keasong" one from kaesong (23) and two from season (1,536).
 */
const EDIT_COST = Math.log(100);
/** A word the index has this seldom may itself be the slip ("merkle" for merkel). */
const RARE = 3;

/**
 * The index words a known query word stands for, searched exactly (never MiniSearch's open-ended
 * prefix and fuzzy expansion, which made a four-word query score tens of thousands of postings):
 * itself, its forms with common endings ("reopen" → reopens, reopening) and, for a noun in -ation,
 * its verb's forms ("annexation" → annex, annexes, annexed).
 */
export function wordForms(miniSearch: RecordIndex, term: string): string[] {
  if (postingCount(miniSearch, term) === 0) return [];
  const stem = term.endsWith('s') && postingCount(miniSearch, term.slice(0, -1)) > 0 ? [term.slice(0, -1)] : [];
  const verbs = NOUN_ENDINGS.filter((ending) => term.endsWith(ending) && term.length - ending.length >= MIN_STEM)
    .flatMap((ending) => [term.slice(0, -ending.length), `${term.slice(0, -ending.length)}e`])
    .filter((verb) => postingCount(miniSearch, verb) > 0);
  const withEndings = (word: string) => [word, ...ENDINGS.filter(({ follows }) => follows(word)).map(({ ending }) => word + ending)];
  const forms = [...withEndings(term), ...stem, ...verbs.flatMap(withEndings)];
  return [...new Set(forms)].filter((form) => postingCount(miniSearch, form) > 0);
}

/**
 * The word a reporter most likely meant by an unknown (or all but unknown) one, or null: the
 * candidate with the best frequency for its distance, each slip costing a factor EDIT_COST, so two
 * slips from a word seen 500 times beat one from a word seen once. Candidates are one slip (an
 * edit or a swap of neighbours: "keasong" → kaesong), two keeping the first letter for words of six
 * letters or more ("ahmedinajad" → ahmadinejad), and the commonest completions of four letters or
 * more ("kaeso" → kaesong).
 */
export function correction(miniSearch: RecordIndex, term: string): string | null {
  const typedCount = postingCount(miniSearch, term);
  if (typedCount > RARE || term.length < 4) return null;
  const candidates = new Map<string, number>();
  const offer = (word: string, slips: number) => {
    if (word === term) return;
    const cost = slips * EDIT_COST - Math.log(postingCount(miniSearch, word));
    if (cost < (candidates.get(word) ?? Infinity)) candidates.set(word, cost);
  };
  for (const word of termsNear(miniSearch, term, 1)) offer(word, 1);
  for (const word of swaps(term)) if (postingCount(miniSearch, word) > 0) offer(word, 1);
  if (typedCount === 0) {
    for (const word of mostCommon(miniSearch, termsStartingWith(miniSearch, term), COMPLETIONS)) offer(word, 1);
    // Two slips keeping the first letter, as nearly all do: searching one branch of the term tree
    // costs a fraction of the whole tree's two-edit search.
    if (term.length >= 6)
      for (const word of termsNearAfter(miniSearch, term[0]!, term.slice(1), 2)) offer(word, damerauDistance(term, word));
  }
  let best: string | null = null;
  let bestCost = typedCount === 0 ? Infinity : -Math.log(typedCount);
  for (const [word, cost] of candidates) {
    if (cost < bestCost || (cost === bestCost && best !== null && word < best)) [best, bestCost] = [word, cost];
  }
  return best;
}

/** The word with each pair of neighbouring letters swapped. */
function swaps(term: string): string[] {
  const swapped: string[] = [];
  for (let i = 0; i + 1 < term.length; i += 1) {
    if (term[i] !== term[i + 1]) swapped.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return swapped;
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
