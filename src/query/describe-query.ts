import type { ParsedQuery } from '../model/query.ts';
import { capLength, toPrintable } from './printable.ts';

const MAX_LABEL_LENGTH = 200;

/**
 * How a query was understood, to show back to the user: the free words as typed, then
 * the phrases in quotes, then the excludes with `-`, then the date, joined by ` · `.
 * `"final talks" -nuclear Aug 2013` → `"final talks" · -nuclear · Aug 2013`.
 * Always printable: no control characters, whitespace collapsed, at most 200 characters.
 */
export function describeQuery(query: ParsedQuery): string {
  const terms = strings(query?.terms);
  const phrases = strings(query?.phrases).map((phrase) => `"${phrase}"`);
  const excludes = strings(query?.excludes).map((word) => (/\s/.test(word) ? `-"${word}"` : `-${word}`));
  const dateLabel = typeof query?.dateLabel === 'string' ? query.dateLabel : '';
  const groups = [terms.join(' '), phrases.join(' '), excludes.join(' '), dateLabel]
    .map((group) => tidy(group))
    .filter((group) => group !== '');
  return capLength(groups.join(' · '), MAX_LABEL_LENGTH);
}

function strings(values: unknown): string[] {
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];
}

function tidy(text: string): string {
  return toPrintable(text).replace(/\s+/g, ' ').trim();
}
