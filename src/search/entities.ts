import { COMPASS, GENERIC_CAPITALISED, NAME_CONNECTORS, OPENERS, PLACE_HEADS, PLACE_PREPOSITIONS, TITLE_WORDS } from './name-words.ts';
import { isKnownPlace, isPlaceNoun } from './place-names.ts';
import { indexTerms, STOP_WORDS } from './text.ts';

/** A name in a text: a person, organisation, place or named event, as one unit. */
interface Name {
  /** Its index terms joined by spaces: "charles taylor", "sierra leone". */
  key: string;
  /** As written, for reasons shown to a reporter: "Charles Taylor". */
  text: string;
  place: boolean;
  /**
   * Names written as one run, or runs joined by "and"/"for", share a group: "Centers for Disease
   * Control and Prevention" is one actor however it is cut.
   */
  group: number;
}

export interface TextNames {
  names: Name[];
  /** Index terms of the words outside names (the subject: "fundraiser", "ceasefire"), in order. */
  words: string[];
}

interface Token {
  text: string;
  start: number;
  end: number;
  capital: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’.-][\p{L}\p{N}\p{M}]+)*/gu;
const CAPITAL = /^(?:\p{Lu}|(?:al|el|ad|as|ash|an|at|bin|ibn|abu)-\p{Lu})/u;
/** "COVID-19-related", "US-backed", "Ottoman-era": an adjective made from a name, not a name. */
const ADJECTIVE_SUFFIXES = [
  'related based led backed era born owned run linked affiliated style like controlled held funded',
  'made speaking sponsored aligned bound wide level class friendly inspired',
].join(' ');
const ADJECTIVE_SUFFIX = new RegExp(`-(?:${ADJECTIVE_SUFFIXES.split(' ').join('|')})$`, 'u');
/** Source credits, notes and asides: "(BBC)", "(AP via Yahoo!)", "(Link dead as of … (UTC))". */
const PARENTHESES = /\((?:[^()]|\([^()]*\))*\)/gu;
const URL = /https?:\/\/\S+/gu;
const POSSESSIVE = /['’]s$/u;
const JOINING = /^(?:and|for|&)$/u;
const COMPANY_SUFFIX = /^(?:inc|llc|ltd|corp|co|plc|sa|ag|nv|gmbh)$/u;

/**
 * The names in a text and the words around them. Names are runs of capitalised words, cut at
 * titles ("President", "Sgt."), with leading generic words, connectors and company suffixes left
 * out; a leading country or nationality is a place of its own ("Turkish" + "Recep Tayyip Erdoğan").
 * Source credits (`credits`) and words in parentheses (credits, notes, asides) are never names.
 */
export function namesIn(text: string, credits: readonly string[] = []): TextNames {
  const clean = text.replace(URL, ' ').replace(PARENTHESES, ' ');
  const creditKeys = new Set(credits.map((credit) => keyOf(credit)).filter((key) => key !== ''));
  const tokens = tokenise(clean);
  const names: Name[] = [];
  const words: string[] = [];
  let previousPlaceEnd = -1;
  let previousRunEnd = -2;
  let group = -1;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (!token.capital) {
      words.push(...wordTerms(token.text));
      i += 1;
      continue;
    }
    const run = [token];
    let j = i + 1;
    while (j < tokens.length && (spaceBetween(clean, tokens[j - 1]!, tokens[j]!) || afterInitial(clean, tokens[j - 1]!, tokens[j]!))) {
      if (afterInitial(clean, tokens[j - 1]!, tokens[j]!)) run[run.length - 1] = { ...tokens[j - 1]!, text: `${tokens[j - 1]!.text}.` };
      if (tokens[j]!.capital) {
        run.push(tokens[j]!);
        j += 1;
        continue;
      }
      // Up to two joining words, when a capitalised word follows ("Bank of America", "Republic of the Congo").
      let k = j;
      while (
        k < tokens.length &&
        k - j < 2 &&
        !tokens[k]!.capital &&
        NAME_CONNECTORS.has(tokens[k]!.text.toLowerCase()) &&
        spaceBetween(clean, tokens[k - 1]!, tokens[k]!)
      )
        k += 1;
      if (k === j || k >= tokens.length || !tokens[k]!.capital || !spaceBetween(clean, tokens[k - 1]!, tokens[k]!)) break;
      run.push(...tokens.slice(j, k + 1));
      j = k + 1;
    }
    const before = i > 0 ? tokens[i - 1]! : null;
    const between = before === null ? '' : clean.slice(before.end, token.start);
    const afterPlace = before !== null && before.end === previousPlaceEnd && /^,\s+$/u.test(between);
    const joined = joinsPreviousRun(clean, tokens, i, previousRunEnd);
    if (!joined) group += 1;
    const runNames: Name[] = [];
    for (const name of splitRun(
      run.map((part) => part.text),
      placeByWordsBefore(clean, tokens, i) || afterPlace,
      group,
    )) {
      if (isCredit(name.key, creditKeys)) continue;
      runNames.push(name);
    }
    // "Sloviansk, Donetsk Oblast": what a place follows after a comma is a place too.
    if (runNames[0]?.place === true && previousRunEnd === i - 1 && /^,\s+$/u.test(between)) {
      const previous = names.at(-1);
      if (previous !== undefined) previous.place = true;
    }
    names.push(...runNames);
    if (runNames.some((name) => name.place)) previousPlaceEnd = tokens[j - 1]!.end;
    previousRunEnd = j - 1;
    i = j;
  }
  return { names: withoutShortForms(dedupe(names)), words };
}

/** A capital letter, or one after "al-", "bin-" and the like. */
const NAME_START = String.raw`(?:\p{Lu}|(?:al|el|bin|ibn|abu)-\p{Lu})`;
/** The rest of a capitalised word: letters, digits, marks, apostrophes, dots and hyphens. */
const NAME_REST = String.raw`[\p{L}\p{N}\p{M}'’.-]*`;
/** Up to two small words between capitalised ones: "Bank of England", "Ludwig van Beethoven". */
const NAME_LINKS = String.raw`(?:(?:of|the|de|da|del|der|den|di|do|dos|das|du|la|le|van|von|bin|ibn|al|el|y)[ \t]+){0,2}`;
const RUN = new RegExp(String.raw`(?<![\p{L}\p{N}\p{M}])${NAME_START}${NAME_REST}(?:[ \t]+${NAME_LINKS}\p{Lu}${NAME_REST})*`, 'gu');

/**
 * The text's runs of capitalised words as keys padded with spaces (" president charles taylor "),
 * credits and parentheses left out: a name is in the text as a name when its key is inside one.
 * Much cheaper than namesIn, for checking many candidates.
 */
export function capitalisedRuns(text: string, credits: readonly string[] = []): string[] {
  const creditKeys = new Set(credits.map((credit) => keyOf(credit)).filter((key) => key !== ''));
  const runs: string[] = [];
  for (const match of text.replace(PARENTHESES, ' ').matchAll(RUN)) {
    const key = keyOf(match[0]);
    if (key !== '' && !isCredit(key, creditKeys)) runs.push(` ${key} `);
  }
  return runs;
}

/** Whether the words before token i make it a place: "in Ankara", "in the Gaza Strip", "the port city of Derna". */
function placeByWordsBefore(text: string, tokens: readonly Token[], i: number): boolean {
  const word = (k: number) => (k >= 0 && spaceBetween(text, tokens[k]!, tokens[k + 1]!) ? tokens[k]!.text.toLowerCase() : '');
  let k = i - 1;
  if (word(k) === 'the') k -= 1;
  const before = word(k);
  if (PLACE_PREPOSITIONS.has(before)) return true;
  return before === 'of' && PLACE_HEADS.has(word(k - 1));
}

/** Whether the run at token i follows the previous one across "and", "for" or "and the" ("… of Iraq and the Levant"). */
function joinsPreviousRun(text: string, tokens: readonly Token[], i: number, previousRunEnd: number): boolean {
  for (let gap = 1; gap <= 2; gap += 1) {
    if (previousRunEnd < 0 || previousRunEnd !== i - gap - 1) continue;
    const between = tokens.slice(previousRunEnd + 1, i);
    if (!JOINING.test(between[0]!.text) || (gap === 2 && between[1]!.text !== 'the')) return false;
    for (let k = previousRunEnd; k < i; k += 1) if (!spaceBetween(text, tokens[k]!, tokens[k + 1]!)) return false;
    return true;
  }
  return false;
}

function isCredit(key: string, creditKeys: ReadonlySet<string>): boolean {
  if (creditKeys.has(key)) return true;
  for (const credit of creditKeys) if (` ${credit} `.includes(` ${key} `)) return true;
  return false;
}

/** "Hussein" after "Saddam Hussein", "Natanz" beside "Natanz Nuclear Facility": one name, counted once. */
function withoutShortForms(names: Name[]): Name[] {
  const longTerms = new Set(names.filter((name) => name.key.includes(' ')).flatMap((name) => name.key.split(' ')));
  return names.filter((name) => name.place || name.key.includes(' ') || !longTerms.has(name.key));
}

/** A name's key: its index terms joined by spaces, a possessive left out ("U.S." is "u", as the index has it). */
function keyOf(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = indexTerms(text.replace(POSSESSIVE, '')).join(' ');
    if (keys.size >= KEY_CACHE_SIZE) keys.clear();
    keys.set(text, key);
  }
  return key;
}

/** Words and names recur from text to text: their keys are kept, up to a bound. */
const KEY_CACHE_SIZE = 50_000;
const keys = new Map<string, string>();

/** A lower-case word's index terms: the word itself when it is plain ASCII letters, as most are. */
function wordTerms(word: string): string[] {
  if (/^[a-z]+$/u.test(word)) return STOP_WORDS.has(word) ? [] : [word];
  return indexTerms(word);
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    tokens.push({
      text: match[0],
      start,
      end: start + match[0].length,
      capital: CAPITAL.test(match[0]) && !ADJECTIVE_SUFFIX.test(match[0]),
    });
  }
  return tokens;
}

/** "George W. Bush", "John R. Bolton": a middle initial's full stop does not end a name. */
function afterInitial(text: string, a: Token, b: Token): boolean {
  return a.text.length === 1 && /^\p{Lu}$/u.test(a.text) && b.capital && /^\.\s+$/u.test(text.slice(a.end, b.start));
}

function spaceBetween(text: string, a: Token, b: Token): boolean {
  if (b.start <= a.end) return false;
  for (let i = a.end; i < b.start; i += 1) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 160) return false;
  }
  return true;
}

/** The names in one run of capitalised words. */
function splitRun(words: readonly string[], placeByPosition: boolean, group: number): Name[] {
  const segments: string[][] = [[]];
  for (const word of words) {
    if (TITLE_WORDS.has(keyOf(word))) segments.push([]);
    else segments.at(-1)!.push(word);
  }
  const names: Name[] = [];
  segments.forEach((segment, index) => {
    for (const part of partsOf(trim(segment))) {
      const key = keyOf(part.join(' '));
      if (!isName(key, part)) continue;
      const place = isKnownPlace(key) || isPlaceNoun(key.split(' ').at(-1)!) || (placeByPosition && index === 0 && names.length === 0);
      names.push({ key, text: part.join(' ').replace(POSSESSIVE, ''), place, group });
    }
  });
  return names;
}

/** Leading generic words and connectors, trailing connectors and company suffixes left out. */
function trim(segment: string[]): string[] {
  let start = 0;
  let end = segment.length;
  while (start < end && (keyOf(segment[start]!) === '' || (isOpener(segment[start]!) && leadingPlaceLength(segment.slice(start)) === 0)))
    start += 1;
  // "Central Texas" is Texas; "South Korea" stays whole.
  if (
    end - start > 1 &&
    COMPASS.has(keyOf(segment[start]!)) &&
    leadingPlaceLength(segment.slice(start)) === 0 &&
    leadingPlaceLength(segment.slice(start + 1, end)) > 0
  )
    start += 1;
  while (
    end > start &&
    (NAME_CONNECTORS.has(segment[end - 1]!.toLowerCase()) || (end - start > 1 && COMPANY_SUFFIX.test(keyOf(segment[end - 1]!))))
  )
    end -= 1;
  return segment.slice(start, end);
}

/**
 * A segment cut where a place leads it or follows "of": "Turkish" + "Recep Tayyip Erdoğan", "Bob
 * McEwen" + "Ohio". A place followed only by generic words stays whole: "Swiss National Bank".
 */
function partsOf(segment: string[]): string[][] {
  if (segment.length === 0) return [];
  const lead = leadingPlaceLength(segment);
  const rest = segment.slice(lead);
  if (
    lead > 0 &&
    rest.length > 0 &&
    !rest.every((word) => isGenericWord(word) || NAME_CONNECTORS.has(word.toLowerCase()) || isPlaceNoun(keyOf(word)))
  ) {
    return [segment.slice(0, lead), ...partsOf(trim(rest))];
  }
  const of = segment.findIndex((word, i) => i > 0 && word === 'of' && isKnownPlace(keyOf(segment.slice(i + 1).join(' '))));
  if (of > 0) return [trim(segment.slice(0, of)), segment.slice(of + 1)].filter((part) => part.length > 0);
  return [segment];
}

/** How many leading words name a known place ("South Korea" in "South Korea National Assembly"), 0 if none. */
function leadingPlaceLength(words: readonly string[]): number {
  for (let length = Math.min(3, words.length); length > 0; length -= 1)
    if (isKnownPlace(keyOf(words.slice(0, length).join(' ')))) return length;
  return 0;
}

function isOpener(word: string): boolean {
  const key = keyOf(word);
  return key === '' || key.split(' ').every((term) => OPENERS.has(term));
}

function isGenericWord(word: string): boolean {
  const key = keyOf(word);
  return key === '' || GENERIC_CAPITALISED.has(key);
}

function isName(key: string, words: readonly string[]): boolean {
  if (key === '') return false;
  const terms = key.split(' ');
  if (terms.every((term) => /^\d+$/u.test(term))) return false;
  if (terms.length === 1) {
    const [word] = words;
    const acronym = word !== undefined && /^\p{Lu}{2,}$/u.test(word.replace(/\./gu, ''));
    if (terms[0]!.length < 3 && !acronym) return false;
    if (GENERIC_CAPITALISED.has(terms[0]!) && !isKnownPlace(terms[0]!)) return false;
  }
  return !terms.every((term) => GENERIC_CAPITALISED.has(term) && !isKnownPlace(term));
}

function dedupe(names: Name[]): Name[] {
  const seen = new Map<string, Name>();
  for (const name of names) if (!seen.has(name.key)) seen.set(name.key, name);
  return [...seen.values()];
}
