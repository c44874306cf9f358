import { normaliseSlackText } from '../query/normalise-slack-text.ts';

const STOP_WORDS = new Set(
  `a an and are as at be been but by for from has have he her his i in is it its of on or our she so that the their them
  they this to was we were what when where which who will with you your after before over about into than then there these
  those also not no new says said say would could should may might can just more most some any all one two three up out
  breaking update live today yesterday tomorrow via per re fyi hi hey thanks thank please here`.split(/\s+/),
);
const MAX_WORDS = 5;
const DATE = /^(?:(?:19|20)\d\d(?:-\d\d?(?:-\d\d?)?)?)$/;

/**
 * The key terms of a thread's first message, as a query: capitalised words (proper nouns) that are
 * not stop words, plus the first year or date. Falls back to the longest plain words when nothing is
 * capitalised. Null when the message has nothing to search for.
 */
export function threadQuery(message: string): string | null {
  const words = normaliseSlackText(message)
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/[’']s$/u, ''))
    .filter((word) => word !== '');
  const date = words.find((word) => DATE.test(word)) ?? null;
  const content = words.filter((word) => !DATE.test(word) && !STOP_WORDS.has(word.toLowerCase()) && /\p{L}/u.test(word));
  const proper = unique(content.filter((word) => /^\p{Lu}/u.test(word) || /^[^\p{L}]*\p{Lo}/u.test(word)));
  const chosen =
    proper.length > 0
      ? proper.slice(0, MAX_WORDS)
      : unique(content)
          .sort((a, b) => b.length - a.length)
          .slice(0, 3);
  const query = [...chosen, ...(date === null ? [] : [date])].join(' ');
  return query === '' ? null : query;
}

function unique(words: string[]): string[] {
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = word.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
