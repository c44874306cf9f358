import { describe, expect, it } from 'vitest';
import { judge, relevantEvents, type JudgedQuery } from './judge.ts';
import { foldAccents, isEventLine, keyOf, type RawEvent } from './raw-events.ts';

const raw = (date: string, text: string, context = ''): RawEvent => ({
  date,
  text,
  context,
  key: keyOf(text),
  foldedText: foldAccents(text),
  foldedContext: foldAccents(context),
});

describe('isEventLine', () => {
  it('tells events from story labels', () => {
    expect(isEventLine('North Korea and South Korea agree to resume talks. (BBC) (Sky News)')).toBe(true);
    expect(isEventLine('Six suspected militants are killed in Yemen (Reuters)')).toBe(true);
    expect(isEventLine('2013 Korean crisis')).toBe(false);
    expect(isEventLine('Syrian civil war (2011–present)')).toBe(false);
    expect(isEventLine('Battle of Aleppo, Aleppo offensive')).toBe(false);
  });
});

describe('relevantEvents', () => {
  const events = [
    raw('2014-08-08', 'The WHO declares Ebola an emergency. (BBC)'),
    raw('2014-08-09', 'Doctors who treated Ebola patients return home. (AP)'),
    raw('2014-03-18', 'Russia annexes Crimea. (BBC)'),
    raw('2010-11-19', 'NATO agrees to extend its missile defence. (AJ)', 'International relations\nNATO summit'),
    raw('2010-11-19', 'Obama signs a bill. (AP)', 'International relations\nNATO summit'),
    raw('2015-01-01', 'Russia annexes nothing. (BBC)'),
  ];
  const query = (all: string[][], from?: string, to?: string): JudgedQuery => ({
    query: 'q',
    kind: 'k',
    all,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  const texts = (q: JudgedQuery) => relevantEvents(q, events).map((event) => event.text);

  it('matches whole words, case-insensitively unless written =WORD, with * for any ending', () => {
    expect(texts(query([['=WHO'], ['ebola']]))).toEqual(['The WHO declares Ebola an emergency. (BBC)']);
    expect(texts(query([['who'], ['ebola']]))).toHaveLength(2);
    expect(texts(query([['crimea'], ['annex*']]))).toEqual(['Russia annexes Crimea. (BBC)']);
    expect(texts(query([['annex']]))).toEqual([]);
  });

  it('keeps the date span', () => {
    expect(texts(query([['annex*']], '2015-01-01', '2015-12-31'))).toEqual(['Russia annexes nothing. (BBC)']);
  });

  it('lets the story supply missing words, never all of them', () => {
    expect(texts(query([['nato'], ['summit*']]))).toEqual(['NATO agrees to extend its missile defence. (AJ)']);
  });
});

describe('judge', () => {
  it('scores P@10 over min(10, relevant) and R@20 over min(20, relevant), a hit being the date and the start of the line', () => {
    const events = [
      raw('2014-03-18', 'Russia annexes Crimea. (BBC)'),
      raw('2014-03-19', 'Crimea votes. (AP)'),
      raw('2014-03-20', 'Ukraine protests. (AP)'),
    ];
    const judgement = judge([{ query: 'crimea', kind: 'k', all: [['crimea']] }], events, () => [
      { date: '2014-03-20', title: 'Ukraine protests.' },
      { date: '2014-03-18', title: 'Russia annexes Crimea.' },
      { date: '2014-03-18', title: 'Russia annexes Crimea.' },
    ]);
    expect(judgement.queries).toEqual([{ query: 'crimea', kind: 'k', relevant: 2, precisionAt10: 0.5, recallAt20: 0.5 }]);
  });
});
