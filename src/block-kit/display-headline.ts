import { cleanText } from './mrkdwn.ts';

/** About what a reporter reads at a glance; a longer line is cut at a sentence or clause. */
const DISPLAY_HEADLINE_CHARS = 150;
/** A line a little longer than a headline is shown whole rather than leave a stub ("…at risk.") below it. */
const WHOLE_LINE_CHARS = 180;
/** A clause shorter than this says too little to stand as a headline. */
const MIN_CLAUSE_CHARS = 40;

export interface DisplayText {
  headline: string;
  /** What the card shows under the headline; empty when the headline says it all. */
  summary: string;
}

/** Titles and names that end in a full stop without ending the sentence ("U.S. forces", "Dr. Ri"). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'adm',
  'rep',
  'sen',
  'gov',
  'pres',
  'prof',
  'rev',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'vs',
  'v',
  'mt',
  'ft',
  'approx',
  'est',
  'al',
]);

/**
 * The headline and summary a card shows. A WCEP event is one line, kept as both title and summary:
 * it is shown once, and when it is long its first sentence (or as many clauses or phrases as fit)
 * becomes the headline and the rest the summary. For display only; the record and its id keep the whole line.
 */
export function displayText(title: string, summary: string): DisplayText {
  const line = cleanText(title);
  const body = cleanText(summary);
  if (body !== '' && body !== line) return { headline: line, summary: body };
  if (line.length <= WHOLE_LINE_CHARS) return { headline: line, summary: '' };
  const sentence = firstSentenceEnd(line);
  if (sentence !== null) return { headline: line.slice(0, sentence).replace(/\.$/, ''), summary: line.slice(sentence).trim() };
  const clause = lastClauseEnd(line);
  if (clause !== null) return { headline: line.slice(0, clause), summary: `…${line.slice(clause).replace(/^\s*[,;:–—]?\s*/, '')}` };
  const phrase = lastPhraseStart(line);
  if (phrase !== null) return { headline: line.slice(0, phrase), summary: `…${line.slice(phrase + 1)}` };
  const cut = line.lastIndexOf(' ', DISPLAY_HEADLINE_CHARS - 1);
  const at = cut > MIN_CLAUSE_CHARS ? cut : DISPLAY_HEADLINE_CHARS - 1;
  return { headline: `${line.slice(0, at).replace(/[\s,;:]+$/, '')}…`, summary: `…${line.slice(at).trim()}` };
}

/** Index just past the first full stop (or ! ?) that ends a sentence within the headline's length. */
function firstSentenceEnd(line: string): number | null {
  const pattern = /[.!?]["”’)]?(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    const end = match.index + match[0].length;
    if (end > DISPLAY_HEADLINE_CHARS) return null;
    if (end < MIN_CLAUSE_CHARS || isAbbreviation(line, match.index)) continue;
    return end;
  }
  return null;
}

function isAbbreviation(line: string, stop: number): boolean {
  if (line[stop] !== '.') return false;
  const word = /(\S+)$/.exec(line.slice(0, stop))?.[1] ?? '';
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}{1,2}\.)+\p{L}{0,2}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * The end of as many clauses as fit a headline: the last comma, semicolon, colon or spaced dash
 * before the limit, outside brackets and quotes, that is not followed by a stub such as a place
 * name ("in Cologne, Germany.") or the rest of one ("Washington, D.C.").
 */
function lastClauseEnd(line: string): number | null {
  const ends: number[] = [];
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < line.length && i <= DISPLAY_HEADLINE_CHARS; i += 1) {
    const char = line[i]!;
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    else if (char === '"') quoted = !quoted;
    else if (
      depth === 0 &&
      !quoted &&
      i >= MIN_CLAUSE_CHARS &&
      line[i + 1] === ' ' &&
      (/[,;:]/.test(char) || (/[–—]/.test(char) && line[i - 1] === ' '))
    ) {
      ends.push(line[i - 1] === ' ' ? i - 1 : i);
    }
  }
  const all = [...ends, ...clauseEndsAfter(line, DISPLAY_HEADLINE_CHARS + 1)];
  for (let k = ends.length - 1; k >= 0; k -= 1) {
    const next = all[k + 1] ?? line.length;
    if (
      line
        .slice(ends[k]! + 1, next)
        .trim()
        .split(/\s+/).length >= 3
    )
      return ends[k]!;
  }
  return null;
}

function clauseEndsAfter(line: string, from: number): number[] {
  const found = /[,;:](?=\s)|\s[–—](?=\s)/.exec(line.slice(from));
  return found === null ? [] : [from + found.index];
}

/** Words a phrase starts with, where a line can break without a comma ("… to protect them after the vote"). */
const PHRASE_START_WORDS = [
  'after before amid following despite while when as because which who where with without',
  'to and but in on at for from over during against into by',
].join(' ');
const PHRASE_WORDS = new RegExp(String.raw`\s(?:${PHRASE_START_WORDS.split(' ').join('|')})\s`, 'g');

/** The space before the last phrase-starting word that leaves a headline of a useful length. */
function lastPhraseStart(line: string): number | null {
  let found: number | null = null;
  for (const match of line.slice(0, DISPLAY_HEADLINE_CHARS + 1).matchAll(PHRASE_WORDS)) {
    if (match.index >= MIN_CLAUSE_CHARS) found = match.index;
  }
  return found;
}
