import type { IsoDate } from '../model/record.ts';

const MAX_SLUG_LENGTH = 140;

/**
 * The corpus link scheme's slug: lower-case ASCII letters and digits, every other run of characters
 * one `-`, at most 140 characters, no `-` at either end. Accents are folded first (`Jiří` → `jiri`).
 */
export function slugify(headline: string): string {
  const ascii = /^[\x20-\x7e]*$/.test(headline);
  const folded = (ascii ? headline : headline.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toLowerCase();
  const dashed = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return dashed.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

/** `news/2013/08/7/<slug>`: month padded, day not, as in the corpus's own links. */
export function eventId(date: IsoDate, headline: string): string {
  const [year, month, day] = date.split('-');
  return `news/${year}/${month}/${Number(day)}/${slugify(headline)}`;
}

export function articleId(title: string): string {
  return `article/${slugify(title)}`;
}
