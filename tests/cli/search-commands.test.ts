import { describe, expect, it } from 'vitest';
import { searchCommand } from '../../src/cli/commands/search.ts';
import { relatedCommand } from '../../src/cli/commands/related.ts';
import { fakeCliContext } from '../support/cli-context.ts';

const corpus = new URL('../../corpus', import.meta.url).pathname;
const SEED = 'news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks-on-reopening-the-kaesong-industrial-zone';

const context = () => fakeCliContext({ INDEX_CACHE_DIR: 'off' });

describe('kaesong search --json', () => {
  it('prints the query, the total and each result in the shape tools read', async () => {
    const { context: cli, out } = context();
    expect(await searchCommand.run(['kaesong 2013', '--corpus', corpus, '--limit', '10', '--json'], cli)).toBe(0);
    const answer = JSON.parse(out.join('\n'));
    expect(answer.query).toEqual({ text: 'kaesong', from: '2013-01-01', to: '2013-12-31' });
    expect(answer.total).toBe(6);
    const seed = answer.results.find((result: { id: string }) => result.id === SEED);
    expect(seed).toEqual({
      id: SEED,
      kind: 'event',
      date: '2013-08-07',
      title: 'North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.',
      summary:
        'North and South Korea agree to resume talks on reopening the joint Kaesong zone, days after Seoul demanded "final talks" on the matter.',
      body: '',
      category: null,
      stub: false,
      url: 'http://www.bbc.co.uk/news/world-asia-23586026',
      image: 'https://ichef-1.bbci.co.uk/news/1024/media/images/69152000/jpg/_69152117_69152116.jpg',
      sources: [
        { name: 'BBC', url: 'http://www.bbc.co.uk/news/world-asia-23586026' },
        { name: 'Sky News', url: 'http://news.sky.com/story/1125548/koreas-agree-to-talks-complex-may-re-open' },
      ],
      contexts: ['Kaesong area', 'North Korea', 'South Korea'],
      related: seed.related,
    });
    expect(seed.related.map((event: { reason: string }) => event.reason)).toEqual([
      'linked from the event page',
      'linked from the event page',
      'linked from the event page',
    ]);
    expect(answer.results.map((result: { kind: string }) => result.kind).sort()).toEqual([
      'article',
      'article',
      'event',
      'event',
      'event',
      'event',
    ]);
  });

  it('answers a bad --limit with usage, not a stack trace', async () => {
    await expect(searchCommand.run(['kaesong', '--limit', 'lots', '--corpus', corpus], context().context)).rejects.toThrow(
      '--limit must be a whole number from 1 to 1000; got "lots"',
    );
  });
});

describe('kaesong related', () => {
  it("lists an event's related events with their reasons", async () => {
    const { context: cli, out } = context();
    expect(await relatedCommand.run([SEED, '--corpus', corpus, '--limit', '2', '--json'], cli)).toBe(0);
    const answer = JSON.parse(out.join('\n'));
    expect(answer.related.map((event: { date: string; reason: string }) => [event.date, event.reason])).toEqual([
      ['2016-02-11', 'linked from the event page'],
      ['2016-01-07', 'linked from the event page'],
    ]);
  });

  it('says so when the id is not in the corpus', async () => {
    const { context: cli, err } = context();
    expect(await relatedCommand.run(['news/2099/01/1/nothing', '--corpus', corpus], cli)).toBe(1);
    expect(err).toEqual(['No event with id news/2099/01/1/nothing in the corpus.']);
  });
});
