import type { DateFilter, ParsedQuery } from '../model/query.ts';
import { todayIn } from './calendar.ts';
import type { DateExpressionMatch } from './match-date-expression.ts';
import { matchDateExpression } from './match-date-expression.ts';
import { toPrintable } from './printable.ts';
import type { QueryToken } from './tokenise-query.ts';
import { tokeniseQuery } from './tokenise-query.ts';
import { dateCore, hasLetterOrDigit, trimClinging } from './word-edges.ts';

export { describeQuery } from './describe-query.ts';

export interface ParseQueryOptions {
  /** The moment "today", "last week" and "on this day" are counted from. */
  now: Date;
  /** IANA zone whose calendar day `now` falls on; UTC when absent or unknown. */
  timeZone?: string;
}

/**
 * Reads what a user typed after `/kaesong`: free words, `"quoted phrases"`, `-excluded`
 * words and one date expression (`2013`, `Aug 2013`, `since March 2014`, `last week`…).
 * Only the first date expression counts; later ones stay as words. Never throws.
 *
 * @example parseQuery('kaesong 2013', { now }) // terms ['kaesong'], 2013-01-01..2013-12-31
 */
export function parseQuery(input: string, options: ParseQueryOptions): ParsedQuery {
  const raw = typeof input === 'string' ? input.trim() : '';
  const today = todayIn(options?.now, options?.timeZone);
  const terms: string[] = [];
  const phrases: string[] = [];
  const excludes: string[] = [];
  let date: DateFilter | null = null;
  let dateLabel: string | null = null;

  const addTerm = (word: string): void => {
    const term = trimClinging(word);
    if (hasLetterOrDigit(term)) terms.push(term);
  };

  const tokens = tokeniseQuery(toPrintable(raw));
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as QueryToken;
    if (token.kind === 'phrase') {
      if (hasLetterOrDigit(token.text)) (token.negated ? excludes : phrases).push(token.text);
      i += 1;
      continue;
    }
    const excluded = excludedWord(token.text);
    if (excluded !== null) {
      if (excluded !== '') excludes.push(excluded);
      i += 1;
      continue;
    }
    const words = plainWordsFrom(tokens, i);
    const cores = words.map(dateCore);
    let at = 0;
    while (at < words.length) {
      const match: DateExpressionMatch | null = date === null ? matchDateExpression(cores, at, today) : null;
      if (match?.kind === 'date') {
        date = match.filter;
        dateLabel = match.label;
        at += match.length;
      } else if (match?.kind === 'not-a-date') {
        words.slice(at, at + match.length).forEach(addTerm);
        at += match.length;
      } else {
        addTerm(words[at] as string);
        at += 1;
      }
    }
    i += words.length;
  }

  const timeline = date !== null && terms.length === 0 && phrases.length === 0;
  return { raw, terms, phrases, excludes, date, dateLabel, timeline };
}

/** `-word` → `word`; a lone `-` or `-,` → ''; anything else → null. `-2013` excludes the word 2013. */
function excludedWord(word: string): string | null {
  if (!word.startsWith('-') || word.length < 2) return null;
  const rest = trimClinging(word.replace(/^-+/, ''));
  return hasLetterOrDigit(rest) ? rest : '';
}

/** The run of plain words (not phrases, not excludes) starting at `start`. */
function plainWordsFrom(tokens: readonly QueryToken[], start: number): string[] {
  const words: string[] = [];
  for (let i = start; i < tokens.length; i += 1) {
    const token = tokens[i] as QueryToken;
    if (token.kind !== 'word' || excludedWord(token.text) !== null) break;
    words.push(token.text);
  }
  return words;
}
