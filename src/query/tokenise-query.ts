export type QueryToken =
  /** A run of non-space characters outside quotes, as typed. */
  | { kind: 'word'; text: string }
  /** Text between a pair of quotes; `negated` when written `-"like this"`. */
  | { kind: 'phrase'; text: string; negated: boolean };

const QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E']);

/**
 * Splits a query into words and quoted phrases in one pass. Straight and curly quotes
 * pair with each other; a quote with no partner is dropped and its words stay words.
 */
export function tokeniseQuery(text: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let word = '';
  const endWord = (): void => {
    if (word !== '') tokens.push({ kind: 'word', text: word });
    word = '';
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (QUOTES.has(char)) {
      const close = nextQuote(text, i + 1);
      if (close !== -1) {
        const negated = word === '-';
        if (negated) word = '';
        endWord();
        const phrase = collapseSpaces(text.slice(i + 1, close));
        if (phrase !== '') tokens.push({ kind: 'phrase', text: phrase, negated });
        i = close + 1;
        continue;
      }
      endWord();
    } else if (isSpace(char)) {
      endWord();
    } else {
      word += char;
    }
    i += 1;
  }
  endWord();
  return tokens;
}

function nextQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (QUOTES.has(text[i] as string)) return i;
  }
  return -1;
}

function isSpace(char: string): boolean {
  return /\s/.test(char);
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
