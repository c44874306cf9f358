/** How text becomes index terms; the index and every query must agree on it. */

/** Anything but letters, digits and combining marks separates words. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;
/** The same rule for ASCII text, where it is just a-z and 0-9, at twice the speed. */
const ASCII_SEPARATORS = /[^a-z0-9]+/;
const COMBINING_MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** Very common English words: they match everything, rank nothing and cost memory at 160k events. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an and are as at be been but by for from has have he her his in into is it its of on or our she
  that the their them they this to was were which who will with after over says said s t`.split(/\s+/),
);

/** Whether the text is all ASCII (tokenize splits it on anything but a-z and 0-9, after lower-casing). */
export function isAsciiText(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Lower-cased words; the whole text is lower-cased once rather than word by word. */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const words = lower.split(NON_ASCII.test(lower) ? SEPARATORS : ASCII_SEPARATORS);
  if (words[0] === '') words.shift();
  if (words.length > 0 && words[words.length - 1] === '') words.pop();
  return words;
}

/** Lower-cased, accents folded ("Jiří" → "jiri"), stop words dropped (null). */
export function normaliseTerm(term: string): string | null {
  const folded = NON_ASCII.test(term) ? foldAccents(term.toLowerCase()) : term.toLowerCase();
  if (folded === '' || STOP_WORDS.has(folded)) return null;
  return folded;
}

export function foldAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC') : text;
}

/** The terms of a text as the index sees them, in order, duplicates kept. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = normaliseTerm(token);
    if (term !== null) terms.push(term);
  }
  return terms;
}

/** Text reduced to space-separated words (stop words kept), for phrase matching. */
export function phraseForm(text: string): string {
  return ` ${tokenize(foldAccents(text)).join(' ')} `;
}
