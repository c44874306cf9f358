/** Punctuation that clings to words in running text: "Kaesong," "(2013)" "talks;". */
const CLINGING = new Set([',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '<', '>']);

/** Clinging punctuation around a word removed; inner punctuation (`U.S.`, `Kim's`) kept. */
export function trimClinging(word: string): string {
  return trimEdges(word, (char) => CLINGING.has(char));
}

/** The lower-case form of a word that date rules match against: clinging punctuation and dots removed. */
export function dateCore(word: string): string {
  const core = trimEdges(word, (char) => char === '.' || CLINGING.has(char)).toLowerCase();
  return core === '' ? word : core;
}

export function hasLetterOrDigit(word: string): boolean {
  return /[\p{L}\p{N}]/u.test(word);
}

function trimEdges(word: string, isEdge: (char: string) => boolean): string {
  let start = 0;
  let end = word.length;
  while (start < end && isEdge(word[start] as string)) start += 1;
  while (end > start && isEdge(word[end - 1] as string)) end -= 1;
  return word.slice(start, end);
}
