import { describe, expect, it } from 'vitest';
import { AliasTable, mergeAliases, queryTokens } from '../../src/search/aliases.ts';
import { mineAcronyms } from '../../src/search/mine-aliases.ts';
import { makeRecord } from '../support/records.ts';

const headline = (title: string, contexts: string[] = []) => makeRecord({ id: `e/${title}`, title, summary: title, contexts });

describe('mineAcronyms', () => {
  it('pairs "Full Name (ACRONYM)" in headlines and story labels when the initials match', () => {
    const records = [
      headline('The World Health Organization (WHO) declares a pandemic.'),
      headline('Talks at the Organization of the Petroleum Exporting Countries (OPEC) end.'),
      headline('Rebels clash with troops.', ['Islamic State of Iraq and the Levant (ISIL)']),
      headline('Police arrest the leader of the Fast Growing Party (XYZ).'),
    ];
    expect(mineAcronyms(records)).toEqual([
      ['ISIL', 'Islamic State of Iraq and the Levant'],
      ['OPEC', 'Organization of the Petroleum Exporting Countries'],
      ['WHO', 'World Health Organization'],
    ]);
  });

  it('takes letters found inside the words, with the number, only when seen twice', () => {
    const once = [headline('The Malaysia Airlines Flight 17 (MH17) report is out.')];
    expect(mineAcronyms(once)).toEqual([]);
    expect(mineAcronyms([...once, headline('A memorial for Malaysia Airlines Flight 17 (MH17) opens.')])).toEqual([
      ['MH17', 'Malaysia Airlines Flight 17'],
    ]);
  });
});

describe('AliasTable', () => {
  const table = new AliasTable(
    mergeAliases(
      [
        ['Kaesong', 'Gaeseong', '개성'],
        ['DPRK', 'North Korea'],
      ],
      [
        ['WHO', 'World Health Organization'],
        ['CAR', 'Central African Republic'],
        ['MH17', 'Malaysia Airlines Flight 17'],
      ],
    ),
  );
  const match = (text: string) => table.match(queryTokens(text), 0);

  it('finds the longest name at the start, and its set', () => {
    expect(match('north korea missile')).toEqual({ length: 2, names: ['dprk', 'north korea'] });
    expect(match('개성 2013')).toEqual({ length: 1, names: ['gaeseong', 'kaesong', '개성'] });
    expect(match('korea')).toBeNull();
  });

  it('reads a corpus acronym that is also a word only in capitals; one with a number always', () => {
    expect(match('CAR bomb')?.names).toEqual(['car', 'central african republic']);
    expect(match('car bomb')).toBeNull();
    expect(match('WHO ebola')?.names).toEqual(['who', 'world health organization']);
    expect(match('who ebola')).toBeNull();
    expect(match('mh17')?.names).toEqual(['malaysia airlines flight 17', 'mh17']);
    expect(match('dprk')?.names).toEqual(['dprk', 'north korea']);
  });
});
