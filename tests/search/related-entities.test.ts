import { describe, expect, it } from 'vitest';
import { capitalisedRuns, namesIn } from '../../src/search/entities.ts';

const names = (text: string, credits: string[] = []) => namesIn(text, credits).names.map((name) => `${name.place ? '@' : ''}${name.text}`);

describe('namesIn', () => {
  it('reads multi-word names as units and leaves titles out', () => {
    expect(names('A United Nations war crimes tribunal charges President Charles Taylor of Liberia with war crimes.')).toEqual([
      'United Nations',
      'Charles Taylor',
      '@Liberia',
    ]);
  });

  it('splits a nationality off the name it leads, and keeps a middle initial inside the name', () => {
    expect(names('Turkish President Recep Tayyip Erdoğan meets George W. Bush in Ankara.')).toEqual([
      '@Turkish',
      'Recep Tayyip Erdoğan',
      'George W. Bush',
      '@Ankara',
    ]);
  });

  it('leaves out source credits, parentheses, numbers and adjectives made from names', () => {
    expect(names('Twenty-seven COVID-19-related deaths are reported by TV NZ in Auckland. (BBC) (AP via Yahoo!)', ['TV NZ'])).toEqual([
      '@Auckland',
    ]);
  });

  it('knows a place by the words before it or the place after it', () => {
    expect(names('An airstrike hits the port city of Derna and Sloviansk, Donetsk Oblast.')).toEqual([
      '@Derna',
      '@Sloviansk',
      '@Donetsk Oblast',
    ]);
  });

  it('keeps one name for a long name and its short form', () => {
    expect(names('Saddam Hussein goes on trial. If convicted, Hussein could face capital punishment.')).toEqual(['Saddam Hussein']);
  });

  it('gives the words outside names as index terms', () => {
    expect(namesIn('Steve Bannon pleads guilty over the border-wall fundraiser.').words).toEqual([
      'pleads',
      'guilty',
      'border',
      'wall',
      'fundraiser',
    ]);
  });
});

describe('capitalisedRuns', () => {
  it('gives each run of capitalised words as a padded key of index terms, credits and parentheses left out', () => {
    expect(capitalisedRuns('Former US President George W. Bush visits the Bank of England (Reuters) with BBC News', ['BBC News'])).toEqual([
      ' former us president george w bush ',
      ' bank england ',
    ]);
  });
});
