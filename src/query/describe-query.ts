import type { ParsedQuery } from '../model/query.ts';
import type { Correction } from '../model/search.ts';
import { capLength, toPrintable } from './printable.ts';

const MAX_LABEL_LENGTH = 200;

/**
 * How a query was understood, to show back to the user: the free words as typed, then
 * the phrases in quotes, then the excludes with `-`, then the date, joined by ` · `.
 * `"final talks" -nuclear Aug 2013` → `"final talks" · -nuclear · Aug 2013`.
 * When search read a misspelt word as another, it says so last:
 * `keasong 2013` → `keasong · 2013 · showing results for kaesong`.
 * Always printable: no control characters, whitespace collapsed, at most 200 characters.
 */
export function describeQuery(query: ParsedQuery, corrections: readonly Correction[] = []): string {
  const terms = strings(query?.terms);
  const phrases = strings(query?.phrases).map((phrase) => `"${phrase}"`);
  const excludes = strings(query?.excludes).map((word) => (/\s/.test(word) ? `-"${word}"` : `-${word}`));
  const dateLabel = typeof query?.dateLabel === 'string' ? query.dateLabel : '';
  const corrected = corrections.length === 0 ? '' : `showing results for ${corrections.reduce(applyCorrection, terms.join(' '))}`;
  const groups = [terms.join(' '), phrases.join(' '), excludes.join(' '), dateLabel, corrected]
    .map((group) => tidy(group))
    .filter((group) => group !== '');
  return capLength(groups.join(' · '), MAX_LABEL_LENGTH);
}

/** The first whole-word `from` in the words becomes `to`. */
function applyCorrection(words: string, { from, to }: Correction): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return words.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u'), to);
}

function strings(values: unknown): string[] {
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];
}

function tidy(text: string): string {
  return toPrintable(text).replace(/\s+/g, ' ').trim();
}
