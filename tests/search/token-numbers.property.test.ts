import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/search/text.ts';
import { TokenNumbers } from '../../src/search/token-numbers.ts';

/** The tokens of each text as the table numbered them. */
function tokensOf(texts: readonly string[]): string[][] {
  const table = new TokenNumbers();
  return texts.map((text) => {
    const count = table.numberTokens(text);
    return [...table.ids.subarray(0, count)].map((id) => table.tokens[id]!);
  });
}

describe('TokenNumbers', () => {
  it("numbers exactly tokenize's words, one number per distinct word, across ASCII and other texts", () => {
    const asciiText = fc.string({ unit: fc.constantFrom(...'abAB09 -_.,\'"\t\n()/'.split('')), maxLength: 80 });
    const anyText = fc.oneof(asciiText, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 40 }), (texts) => {
        expect(tokensOf(texts)).toEqual(texts.map(tokenize));
        const table = new TokenNumbers();
        for (const text of texts) table.numberTokens(text);
        const distinct = [...new Set(texts.flatMap(tokenize))];
        expect(table.tokens).toEqual(distinct);
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps numbering right as the table grows past its first size', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `Word${i.toString(36)}`);
    const table = new TokenNumbers();
    table.numberTokens(words.join(' '));
    const count = table.numberTokens([...words].reverse().join(', '));
    expect(table.tokens.length).toBe(20_000);
    expect(table.tokens[12_345]).toBe(words[12_345]!.toLowerCase());
    expect([...table.ids.subarray(0, count)]).toEqual(words.map((_, i) => 19_999 - i));
  });
});
