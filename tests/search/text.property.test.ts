import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/search/text.ts';

/** The definition: lower-cased text split on anything but letters, digits and combining marks. */
function referenceTokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word !== '');
}

describe('tokenize', () => {
  it('splits ASCII and any other text exactly as the Unicode rule does', () => {
    const asciiText = fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_.,\'"\t\n()/'.split('')), maxLength: 60 });
    fc.assert(
      fc.property(
        fc.oneof(asciiText, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })),
        (text) => {
          expect(tokenize(text)).toEqual(referenceTokenize(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('keeps accents, digits and apostrophe halves as the index words of a headline', () => {
    expect(tokenize("Kaesong's 2013 re-opening: Park Geun-hye, Jiří Kim")).toEqual([
      'kaesong',
      's',
      '2013',
      're',
      'opening',
      'park',
      'geun',
      'hye',
      'jiří',
      'kim',
    ]);
  });
});
