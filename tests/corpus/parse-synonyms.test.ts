import { describe, expect, it } from 'vitest';
import { parseSynonyms } from '../../src/corpus/parse-synonyms.ts';
import { fileKind } from '../../src/corpus/detect-format.ts';

describe('parseSynonyms', () => {
  it('reads one set of names per line, skipping comments and blank lines', () => {
    const text = '# Editors\n\nKaesong = Gaeseong = 개성\n  DPRK=North Korea  # the state\n';
    expect(parseSynonyms(text, 'corpus/synonyms.txt')).toEqual({
      sets: [
        ['Kaesong', 'Gaeseong', '개성'],
        ['DPRK', 'North Korea'],
      ],
      problems: [],
    });
  });

  it('reports a line with one name and keeps the rest', () => {
    expect(parseSynonyms('MH17\nWHO = World Health Organization\n', 'synonyms.txt')).toEqual({
      sets: [['WHO', 'World Health Organization']],
      problems: [{ file: 'synonyms.txt', line: 1, reason: 'a synonyms line needs two names or more, separated by =' }],
    });
  });

  it('is found by its name in any corpus folder', () => {
    expect(fileKind('corpus/desk/synonyms.txt')).toBe('synonyms');
    expect(fileKind('corpus/desk/Synonyms.TXT')).toBe('synonyms');
    expect(fileKind('corpus/desk/notes.txt')).toBe('text');
  });
});
