import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../src/search/search-index.ts';
import type { CorpusRecord } from '../../src/model/record.ts';
import { makeRecord } from '../support/records.ts';

function event(id: string, date: string, title: string, contexts: string[] = []): CorpusRecord {
  return makeRecord({ id, date, title, summary: title, image: null, sources: [], contexts, related: [] });
}

const index = createSearchIndex([
  event('e/bannon-arrest', '2020-08-20', 'Steve Bannon is arrested over the We Build the Wall border-wall fundraiser.'),
  event('e/bannon-plea', '2020-11-10', 'Steve Bannon pleads not guilty in the border-wall fundraiser fraud case.'),
  event('e/bannon-podcast', '2019-01-15', 'Steve Bannon launches a daily podcast.'),
  event('e/wall-visit', '2019-01-10', 'The president visits the border wall in Texas.'),
  event('e/iran-polls', '2021-06-18', 'Iran goes to the polls to elect a president.'),
  event('e/cable', '2021-06-19', 'An undersea internet cable between Kenya and Oman goes live.'),
  event('e/plot-1', '2006-08-10', 'Police foil a plot to blow up airliners over the Atlantic.', ['2006 transatlantic aircraft plot']),
  event('e/plot-2', '2006-08-11', 'Heathrow bans hand luggage on most flights.', ['2006 transatlantic aircraft plot']),
]);

describe('related events by matter', () => {
  it('relates the same case across months and says what it shares, but not the same man on another matter', () => {
    expect(index.related('e/bannon-plea', 3)).toEqual([
      {
        id: 'e/bannon-arrest',
        title: 'Steve Bannon is arrested over the We Build the Wall border-wall fundraiser.',
        date: '2020-08-20',
        reason: 'same matter: Steve Bannon, fundraiser, border',
      },
    ]);
  });

  it('shows nothing rather than events sharing only a common verb', () => {
    expect(index.related('e/iran-polls', 3)).toEqual([]);
  });

  it('relates events of one specific story, naming it', () => {
    expect(index.related('e/plot-2', 3).map((related) => [related.id, related.reason])).toEqual([
      ['e/plot-1', 'same story: 2006 transatlantic aircraft plot'],
    ]);
  });
});
