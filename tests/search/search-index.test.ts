import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../src/search/search-index.ts';
import type { ParsedQuery } from '../../src/model/query.ts';
import type { CorpusRecord } from '../../src/model/record.ts';
import { makeRecord } from '../support/records.ts';

function event(fields: Partial<CorpusRecord> & Pick<CorpusRecord, 'id' | 'title'>): CorpusRecord {
  return makeRecord({ date: null, summary: fields.title, image: null, sources: [], contexts: [], ...fields });
}

function query(overrides: Partial<ParsedQuery>): ParsedQuery {
  return { raw: '', terms: [], phrases: [], excludes: [], date: null, dateLabel: null, timeline: false, ...overrides };
}

const records = [
  event({
    id: 'e/kaesong-2013',
    date: '2013-08-07',
    title: 'Koreas agree to resume talks on the Kaesong industrial zone',
    contexts: ['2013 Korean crisis'],
  }),
  event({ id: 'e/kaesong-2016', date: '2016-02-11', title: 'South Korea withdraws its nationals from the Kaesong Industrial Region' }),
  event({ id: 'e/iran-talks', date: '2013-08-20', title: 'Iran nuclear talks resume in Geneva' }),
  event({
    id: 'e/seoul-2013',
    date: '2013-04-17',
    title: 'North Korea blocks businessmen from Kaesong zone',
    contexts: ['2013 Korean crisis'],
  }),
  event({ id: 'e/undated', title: 'Kaesong background without a date', kind: 'article', body: 'The Kaesong complex opened in 2004.' }),
  event({
    id: 'e/final',
    date: '2013-08-01',
    title: 'Seoul demands final talks',
    summary: 'Seoul demanded "final talks" on the industrial zone.',
  }),
];
const index = createSearchIndex(records);
const ids = (page: { hits: { record: { id: string } }[] }) => page.hits.map((hit) => hit.record.id);

describe('search', () => {
  it('filters by date inside the search and counts every match', () => {
    const page = index.search(query({ terms: ['kaesong'], date: { kind: 'range', range: { from: '2013-01-01', to: '2013-12-31' } } }), {
      limit: 10,
    });
    expect(ids(page).sort()).toEqual(['e/kaesong-2013', 'e/seoul-2013']);
    expect(page.total).toBe(2);
    expect(page.hits[0]!.matchedTerms).toEqual(['kaesong']);
  });

  it('answers a date-only query as a timeline, oldest first', () => {
    const page = index.search(query({ date: { kind: 'range', range: { from: '2013-01-01', to: '2013-12-31' } }, timeline: true }), {
      limit: 10,
    });
    expect(ids(page)).toEqual(['e/seoul-2013', 'e/final', 'e/kaesong-2013', 'e/iran-talks']);
  });

  it('pages with offset and keeps the total', () => {
    const page = index.search(query({ date: { kind: 'range', range: { from: null, to: null } }, timeline: true }), { limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(ids(page)).toEqual(['e/kaesong-2013', 'e/iran-talks']);
  });

  it('finds a misspelt long word', () => {
    expect(ids(index.search(query({ terms: ['keasong'] }), { limit: 1 }))).toHaveLength(1);
    expect(index.suggest('keasong')).toEqual(['kaesong']);
  });

  it('requires quoted phrases as written', () => {
    expect(ids(index.search(query({ phrases: ['final talks'] })))).toEqual(['e/final']);
    expect(ids(index.search(query({ phrases: ['talks final'] })))).toEqual([]);
  });

  it('leaves out excluded words', () => {
    const page = index.search(query({ terms: ['talks'], excludes: ['iran'] }), { limit: 10 });
    expect(ids(page).sort()).toEqual(['e/final', 'e/kaesong-2013']);
  });

  it('falls back to any word when no record has all of them, and says so', () => {
    const page = index.search(query({ terms: ['geneva', 'withdraws'] }), { limit: 10 });
    expect(page.relaxed).toBe(true);
    expect(ids(page).sort()).toEqual(['e/iran-talks', 'e/kaesong-2016']);
  });

  it('fills the page with records having most of the words, a rare word outweighing common ones', () => {
    // "seoul" is in one record, "korea" and "talks" in three: the one Seoul record comes before
    // records having both common words, and a record with one common word is not shown at all.
    const page = index.search(query({ terms: ['seoul', 'korea', 'talks', 'geneva'] }), { limit: 10 });
    expect(page.relaxed).toBe(true);
    expect(ids(page).sort()).toEqual(['e/final', 'e/iran-talks']);
    expect(page.total).toBe(2);
  });

  it('ranks the records with every word first, then those with most of them, rarer words first', () => {
    // kaesong is in four records, industrial and zone in three: a record lacking kaesong covers more.
    const page = index.search(query({ terms: ['industrial', 'zone', 'kaesong'] }), { limit: 10 });
    expect(page.relaxed).toBe(false);
    expect(ids(page).slice(0, 2)).toEqual(['e/kaesong-2013', 'e/final']);
    expect(ids(page).slice(2).sort()).toEqual(['e/kaesong-2016', 'e/seoul-2013']);
  });

  it('finds records on a month and day in any year', () => {
    expect(index.onThisDay(8, 7).map((record) => record.id)).toEqual(['e/kaesong-2013']);
    const page = index.search(query({ date: { kind: 'month-day', month: 2, day: 11 }, timeline: true }));
    expect(ids(page)).toEqual(['e/kaesong-2016']);
  });
});

describe('related', () => {
  it('prefers the same story, never returns the event itself, and says why', () => {
    const related = index.related('e/kaesong-2013', 3);
    expect(related.map((event) => event.id)).not.toContain('e/kaesong-2013');
    expect(related[0]).toEqual({
      id: 'e/seoul-2013',
      title: records[3]!.title,
      date: '2013-04-17',
      reason: 'same story: 2013 Korean crisis',
    });
    expect(related.map((event) => event.id)).not.toContain('e/iran-talks');
  });
});

describe('spelling', () => {
  it('reads a swapped pair as one slip and searches the word it stands for, not every near word', async () => {
    const { damerauDistance } = await import('../../src/search/word-forms.ts');
    expect(damerauDistance('keasong', 'kaesong')).toBe(1);
    expect(damerauDistance('keasong', 'season')).toBe(2);
    const typo = createSearchIndex([...records, event({ id: 'e/season', title: 'Monsoon season floods Dhaka' })]);
    expect(ids(typo.search(query({ terms: ['keasong'] }), { limit: 10 })).sort()).toEqual(
      ids(typo.search(query({ terms: ['kaesong'] }), { limit: 10 })).sort(),
    );
  });

  it('does not guess at short words', () => {
    expect(index.search(query({ terms: ['kae'] })).total).toBe(0);
  });
});

describe('aliases', () => {
  const aliased = createSearchIndex(
    [
      event({ id: 'a/who-1', date: '2014-08-08', title: 'The World Health Organization (WHO) declares the Ebola outbreak an emergency' }),
      event({ id: 'a/who-2', date: '2014-09-01', title: 'The World Health Organization says Ebola cases could reach 20,000' }),
      event({ id: 'a/ebola', date: '2014-09-02', title: 'Ebola reaches Nigeria' }),
      event({ id: 'a/dprk', date: '2016-01-06', title: 'DPRK state media announce a hydrogen bomb test' }),
      event({ id: 'a/nk', date: '2017-09-03', title: 'North Korea conducts its sixth nuclear test' }),
      event({ id: 'a/sk', date: '2017-09-04', title: 'South Korea holds missile drills' }),
    ],
    [['DPRK', 'North Korea']],
  );
  const found = (terms: string[]) => ids(aliased.search(query({ terms }), { limit: 10 }));

  it('matches any name of a thing, the acronym spelt out in the corpus or listed by editors', () => {
    expect(found(['WHO', 'ebola'])).toEqual(['a/who-1', 'a/who-2']);
    expect(found(['dprk', 'test']).sort()).toEqual(['a/dprk', 'a/nk']);
    expect(found(['north', 'korea', 'test']).sort()).toEqual(['a/dprk', 'a/nk']);
  });

  it('counts a name of several words as one word: WHO and ebola are two, all there', () => {
    const page = aliased.search(query({ terms: ['WHO', 'ebola'] }), { limit: 10 });
    expect(page.relaxed).toBe(false);
    expect(page.hits.slice(0, 2).map((hit) => hit.matchedTerms)).toEqual([
      ['ebola', 'health', 'organization', 'world'],
      ['ebola', 'health', 'organization', 'world'],
    ]);
  });

  it('reads "who" in small letters as a stop word', () => {
    expect(found(['who', 'ebola']).sort()).toEqual(['a/ebola', 'a/who-1', 'a/who-2']);
    expect(aliased.search(query({ terms: ['who'] })).total).toBe(0);
  });
});

describe('corrections', () => {
  const spelled = createSearchIndex([
    ...Array.from({ length: 120 }, (_, i) => event({ id: `c/ahmadinejad-${i}`, title: `Ahmadinejad speech number ${i}` })),
    event({ id: 'c/slip', title: 'A rally for Ahmadinajad in Tehran' }),
    event({ id: 'c/kaesong', title: 'Kaesong reopens' }),
  ]);

  it('says which word was read as which', () => {
    const page = spelled.search(query({ terms: ['keasong'] }));
    expect(page.corrections).toEqual([{ from: 'keasong', to: 'kaesong' }]);
    expect(ids(page)).toEqual(['c/kaesong']);
    expect(spelled.search(query({ terms: ['kaesong'] })).corrections).toEqual([]);
  });

  it('prefers two slips from a common word to one slip from a word seen once', () => {
    const page = spelled.search(query({ terms: ['ahmedinajad'] }), { limit: 200 });
    expect(page.corrections).toEqual([{ from: 'ahmedinajad', to: 'ahmadinejad' }]);
    expect(page.total).toBe(120);
  });
});

describe('word forms', () => {
  const forms = createSearchIndex([
    event({ id: 'f/ira', title: 'IRA bomb explodes in Belfast' }),
    event({ id: 'f/iran', title: 'Iran nuclear talks resume' }),
    event({ id: 'f/us', title: 'US troops leave Kabul' }),
    event({ id: 'f/used', title: 'Police used tear gas on protesters' }),
    event({ id: 'f/war', title: 'War spreads along the border' }),
    event({ id: 'f/ward', title: 'Hospital ward closes' }),
    event({ id: 'f/korean', title: 'Korean leaders meet' }),
    event({ id: 'f/raised', title: 'Bank raised its rate' }),
    event({ id: 'f/bombers', title: 'Bombers strike a depot' }),
  ]);
  const found = (term: string) => ids(forms.search(query({ terms: [term] }))).sort();

  it('finds the plural, past, agent and demonym of a word', () => {
    expect(found('korea')).toEqual(['f/korean']);
    expect(found('raise')).toEqual(['f/raised']);
    expect(found('bomb')).toEqual(['f/bombers', 'f/ira']);
  });

  it('does not read a short word as the start of another', () => {
    expect(found('ira')).toEqual(['f/ira']);
    expect(found('us')).toEqual(['f/us']);
    expect(found('war')).toEqual(['f/war']);
  });
});
