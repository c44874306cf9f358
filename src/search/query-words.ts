import type { ParsedQuery } from '../model/query.ts';
import type { Correction } from '../model/search.ts';
import type { RecordIndex } from './mini-search.ts';
import { queryTokens, type AliasTable } from './aliases.ts';
import { singleWord, type QueryWord, type WordGroup } from './score-query.ts';
import { indexTerms, normaliseTerm } from './text.ts';
import { correction, wordForms } from './word-forms.ts';

/** Other forms of a word (korean for korea) count a little less than the word itself. */
const OTHER_FORM_WEIGHT = 0.6;

/**
 * The words a query is ranked by, and the words it corrected. Free words are read left to right;
 * the longest run that names something with aliases becomes one word matching any of its names
 * ("who" typed WHO, "north korea", "mh17"); any other word stands for its forms, or for the word a
 * misspelling most likely meant. Each word of a quoted phrase is a required word as written.
 */
export function queryWords(
  miniSearch: RecordIndex,
  aliases: AliasTable,
  query: ParsedQuery,
): { words: QueryWord[]; corrections: Correction[] } {
  const words: QueryWord[] = [];
  const corrections: Correction[] = [];
  const tokens = query.terms.flatMap(queryTokens);
  let at = 0;
  while (at < tokens.length) {
    const named = aliases.match(tokens, at);
    if (named !== null) {
      words.push(aliasWord(miniSearch, named.names));
      at += named.length;
      continue;
    }
    const token = tokens[at]!;
    at += 1;
    const term = normaliseTerm(token.name);
    if (term === null) continue;
    const corrected = correction(miniSearch, term);
    if (corrected === null) {
      words.push(singleWord(formsGroup(miniSearch, term)));
      continue;
    }
    corrections.push({ from: token.typed, to: corrected });
    const alias = aliases.match([{ typed: corrected, name: corrected }], 0);
    words.push(alias === null ? singleWord(formsGroup(miniSearch, corrected)) : aliasWord(miniSearch, alias.names));
  }
  for (const term of query.phrases.flatMap(indexTerms)) words.push(singleWord([{ term, weight: 1 }], true));
  return { words, corrections };
}

function formsGroup(miniSearch: RecordIndex, term: string): WordGroup {
  return wordForms(miniSearch, term).map((form, i) => ({ term: form, weight: i === 0 ? 1 : OTHER_FORM_WEIGHT }));
}

/** Each name of several words needs them all; stop words in a name ("of the") are not searched. */
function aliasWord(miniSearch: RecordIndex, names: readonly string[]): QueryWord {
  return {
    names: names.map((name) => indexTerms(name).map((term) => formsGroup(miniSearch, term))).filter((name) => name.length > 0),
    required: false,
  };
}
