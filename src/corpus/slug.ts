import type { IsoDate } from '../model/record.ts';

const MAX_SLUG_LENGTH = 140;

/**
 * The corpus link scheme's slug: lower-case ASCII letters and digits, every other run of characters
 * one `-`, at most 140 characters, no `-` at either end. Accents are folded first (`Jiří` → `jiri`).
 */
export function slugify(headline: string): string {
  const ascii = /^[\x20-\x7e]*$/.test(headline);
  const folded = (ascii ? headline : headline.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toLowerCase();
  return trimDashes(trimDashes(folded.replace(/[^a-z0-9]+/g, '-')).slice(0, MAX_SLUG_LENGTH));
}

/** Without `-` at either end (a loop: the regex for it scanned every position of every headline). */
function trimDashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '-') start += 1;
  while (end > start && text[end - 1] === '-') end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** `news/2013/08/7/<slug>`: month padded, day not, as in the corpus's own links. */
export function eventId(date: IsoDate, headline: string): string {
  const [year, month, day] = date.split('-');
  return `news/${year}/${month}/${Number(day)}/${slugify(headline)}`;
}

export function articleId(title: string): string {
  return `article/${slugify(title)}`;
}
