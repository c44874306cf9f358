import type { CorpusRecord } from '../model/record.ts';

const CAPITALISED_WORD = String.raw`[\p{Lu}][\p{L}\p{N}'’.&-]*`;
const WORD_INSIDE_NAME = String.raw`${CAPITALISED_WORD}|of|the|for|and|on|in|at|de|du|des|la|le|\d+`;
const ACRONYM = String.raw`[\p{Lu}][\p{Lu}\p{N}&-]{1,9}`;
/** A run of capitalised words (small linking words and numbers allowed inside), then "(ACRONYM)". */
const NAME_THEN_ACRONYM = new RegExp(String.raw`((?:${CAPITALISED_WORD})(?:\s+(?:${WORD_INSIDE_NAME})){0,9})\s+\((${ACRONYM})\)`, 'gu');
const LINKING = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'at', 'de', 'du', 'des', 'la', 'le', '&']);
/** A loose match (letters found inside the words, MH17 for Malaysia Airlines Flight 17) must be seen this often. */
const LOOSE_MINIMUM = 2;

/**
 * Acronym pairs written out in the corpus as "Full Name (ACRONYM)", in headlines, summaries and story
 * labels: "World Health Organization (WHO)", "Malaysia Airlines Flight 17 (MH17)". The name is the
 * shortest run of words before the brackets that the acronym abbreviates: their initials (linking words
 * may be skipped), or, seen at least twice, its letters in order from the first word's initial with its
 * number at the end. Each acronym keeps its commonest name.
 */
export function mineAcronyms(records: readonly CorpusRecord[]): [acronym: string, name: string][] {
  const counts = new Map<string, Map<string, { count: number; strict: boolean }>>();
  const seen = new Set<string>();
  const scan = (text: string) => {
    if (!text.includes('(')) return;
    for (const match of text.matchAll(NAME_THEN_ACRONYM)) {
      const acronym = match[2]!;
      const found = expansion(match[1]!.split(/\s+/), acronym);
      if (found === null) continue;
      const names = counts.get(acronym) ?? new Map<string, { count: number; strict: boolean }>();
      const entry = names.get(found.name) ?? { count: 0, strict: found.strict };
      entry.count += 1;
      names.set(found.name, entry);
      counts.set(acronym, names);
    }
  };
  for (const record of records) {
    scan(record.title);
    if (record.summary !== record.title) scan(record.summary);
    for (const context of record.contexts) {
      if (seen.has(context)) continue;
      seen.add(context);
      scan(context);
    }
  }
  const pairs: [string, string][] = [];
  for (const [acronym, names] of counts) {
    const usable = [...names].filter(([, { count, strict }]) => strict || count >= LOOSE_MINIMUM);
    const best = usable.sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))[0];
    if (best !== undefined) pairs.push([acronym, best[0]]);
  }
  return pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The shortest tail of `words` that `acronym` abbreviates, and whether by initials. */
function expansion(words: string[], acronym: string): { name: string; strict: boolean } | null {
  const letters = acronym.toLowerCase().replace(/[&-]/g, '');
  for (let start = words.length - 1; start >= 0; start -= 1) {
    const tail = words.slice(start);
    if (LINKING.has(tail[0]!.toLowerCase())) continue;
    if (initialsMatch(tail, letters)) return { name: tail.join(' '), strict: true };
    if (lettersInOrder(tail, letters)) return { name: tail.join(' '), strict: false };
  }
  return null;
}

/** World Health Organization → who; Organization of the Petroleum Exporting Countries → opec (linking words optional). */
function initialsMatch(words: string[], letters: string): boolean {
  const initials = (skipLinking: boolean) =>
    words
      .filter((word) => !(skipLinking && LINKING.has(word.toLowerCase())))
      .map((word) => (/^\d+$/.test(word) ? word : word[0]!.toLowerCase()))
      .join('');
  return initials(true) === letters || initials(false) === letters;
}

/** Malaysia Airlines Flight 17 → mh17: same first letter, same number at the end, the letters in order. */
function lettersInOrder(words: string[], letters: string): boolean {
  const number = /\d+$/.exec(letters)?.[0] ?? '';
  const last = words[words.length - 1]!;
  if (number !== '' && last !== number) return false;
  const wanted = letters.slice(0, letters.length - number.length);
  const text = (number === '' ? words : words.slice(0, -1)).join('').toLowerCase();
  if (wanted.length < 2 || text[0] !== wanted[0]) return false;
  let at = 0;
  for (const char of text) if (char === wanted[at]) at += 1;
  return at >= wanted.length && words.length >= 2;
}
