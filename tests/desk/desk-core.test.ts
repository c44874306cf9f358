import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateDeskForm, type DeskForm } from '../../src/desk/desk-draft.ts';
import { followDesk } from '../../src/desk/follow-desk.ts';
import { editorsFrom } from '../../src/desk/editors.ts';
import { outletName } from '../../src/desk/outlet-name.ts';
import { firstSentence } from '../../src/desk/prefill.ts';
import { plainFromSlack } from '../../src/desk/slack-markup.ts';
import { silentLogger } from '../../src/model/logger.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { liveIndex, type IndexChanges, type LiveIndex, type LiveIndexStats } from '../../src/search/live-index.ts';
import type { CorpusIndex } from '../../src/search/search-index.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { bundledSearcher } from '../hardening/app-harness.ts';
import { makeRecord } from '../support/records.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const form = (changes: Partial<DeskForm> = {}): DeskForm => ({
  headline: 'Kaesong reopens',
  date: '2026-02-10',
  summary: '',
  sources: '',
  contexts: '',
  related: [],
  image: '',
  ...changes,
});

describe('outlet names from links', () => {
  it('knows the wires and names the rest after their domain', () => {
    expect(outletName('https://www.reuters.com/world/x')).toBe('Reuters');
    expect(outletName('http://www.bbc.co.uk/news/world-asia-23586026')).toBe('BBC');
    expect(outletName('https://en.yna.co.kr/view/AEN1')).toBe('Yonhap');
    expect(outletName('https://www.nknews.org/2026/02/x')).toBe('NK News');
    expect(outletName('https://daily-korea-monitor.org/x')).toBe('Daily Korea Monitor');
    expect(outletName('https://www.hani.co.kr/arti/1')).toBe('Hani');
  });
});

describe('Slack markup as plain text', () => {
  it('keeps what the reader saw and nothing that formats or pings', () => {
    expect(
      plainFromSlack('*Seoul* says _talks_ ~off~ `now` &amp; <https://x.org/a|the story>, <https://y.org/b> <!channel> <@U1> <#C1|desk>'),
    ).toBe('Seoul says talks off now & the story, https://y.org/b @channel @U1 #desk');
  });

  it('takes the first sentence as a headline, at most 150 characters, cut at a word', () => {
    expect(firstSentence('Seoul confirms it. Then more.')).toBe('Seoul confirms it.');
    expect(firstSentence('Version 2.5 ships today\nsecond line')).toBe('Version 2.5 ships today');
    const long = firstSentence(`${'word '.repeat(40)}end.`);
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long.endsWith('word…')).toBe(true);
  });
});

describe('validating the modal', () => {
  it('accepts a real date from 1800 up to a year ahead, and nothing else', () => {
    expect(validateDeskForm(form({ date: '1800-01-01' }), NOW).ok).toBe(true);
    expect(validateDeskForm(form({ date: '2027-11-23' }), NOW).ok).toBe(true);
    expect(validateDeskForm(form({ date: '2027-11-24' }), NOW)).toEqual({
      ok: false,
      errors: { date: 'The date must be between 1800 and a year from today.' },
    });
    expect(validateDeskForm(form({ date: '2013-02-30' }), NOW)).toEqual({
      ok: false,
      errors: { date: '“2013-02-30” is not a calendar date; pick one, e.g. 2013-08-07.' },
    });
    expect(validateDeskForm(form({ date: '' }), NOW)).toEqual({ ok: false, errors: { date: 'A date is required.' } });
  });

  it('reads sources one a line, naming unnamed ones after their outlet, and tags by commas', () => {
    const checked = validateDeskForm(
      form({
        sources: 'https://www.reuters.com/a\n\nKorea Herald https://www.koreaherald.com/b',
        contexts: ' North Korea, Kaesong area,,North Korea ',
      }),
      NOW,
    );
    expect(checked).toMatchObject({
      ok: true,
      draft: {
        sources: [
          { name: 'Reuters', url: 'https://www.reuters.com/a' },
          { name: 'Korea Herald', url: 'https://www.koreaherald.com/b' },
        ],
        contexts: ['North Korea', 'Kaesong area'],
      },
    });
    expect(validateDeskForm(form({ sources: 'Reuters https://ok.org/a\nSpoof javascript:alert(1)' }), NOW)).toMatchObject({
      ok: false,
      errors: { sources: expect.stringMatching(/^Line 2: /) },
    });
  });
});

describe('editors', () => {
  it('resolves user groups through Slack, cached five minutes, keeping the last answer when Slack fails', async () => {
    let now = NOW.getTime();
    const lookups: string[] = [];
    let failing = false;
    const editors = editorsFrom(['U7', 'S1'], {
      clock: { now: () => new Date(now) },
      logger: silentLogger,
      groupMembers: async (group) => {
        lookups.push(group);
        if (failing) throw new Error('ratelimited');
        return ['U3'];
      },
    });
    expect(await editors.includes('U7')).toBe(true);
    expect(lookups).toEqual([]);
    expect(await editors.includes('U3')).toBe(true);
    expect(await editors.includes('U2')).toBe(false);
    expect(lookups).toEqual(['S1']);
    now += 5 * 60_000 + 1;
    failing = true;
    expect(await editors.includes('U3')).toBe(true);
    expect(lookups).toEqual(['S1', 'S1']);
  });
});

describe('following the desk log', () => {
  let store: Store;
  let live: LiveIndex;
  const calls: string[] = [];
  const writer = {
    upsert: async (records: readonly Parameters<LiveIndex['upsert']>[0][number][]) => {
      calls.push(`upsert ${records.length}`);
      live.upsert(records);
    },
    remove: async (ids: readonly string[]) => {
      calls.push(`remove ${ids.length}`);
      live.remove(ids);
    },
  };
  const desk = (id: string, title: string) => makeRecord({ id, title, origin: { file: 'store:desk', line: 0, format: 'event-page' } });
  const found = (text: string) => live.search(parseQuery(text, { now: NOW })).hits.map((hit) => hit.record.id);

  beforeEach(async () => {
    calls.length = 0;
    store = openSqliteStore('sqlite::memory:');
    live = liveIndex((await bundledSearcher()) as CorpusIndex);
  });
  afterEach(async () => {
    await store.close();
  });

  it('replays adds, edits under a new id and removals in order, catching up from the start', async () => {
    const first = desk('news/2026/02/10/zebra-crossing-opens', 'Zebra crossing opens');
    const second = desk('news/2026/02/11/yak-herders-meet', 'Yak herders meet');
    const renamed = desk('news/2026/02/11/yak-herders-meet-again', 'Yak herders meet again');
    await store.writeDesk({ action: 'add', record: first, userId: 'U1', userName: 'ana', permalink: null }, NOW);
    await store.writeDesk({ action: 'add', record: second, userId: 'U1', userName: 'ana', permalink: null }, NOW);
    await store.writeDesk({ action: 'edit', id: second.id, record: renamed, userId: 'U1' }, NOW);
    await store.writeDesk({ action: 'remove', id: first.id, userId: 'U1' }, NOW);
    const ticks: Array<() => void> = [];
    const every = (_ms: number, tick: () => void) => {
      ticks.push(tick);
      return () => {};
    };
    const follower = followDesk(store, writer, { logger: silentLogger, every });
    await follower.start();
    expect(follower.applied).toBe(4);
    // The log's net effect, in two calls: both old ids out, the renamed event in.
    expect(calls).toEqual(['remove 2', 'upsert 1']);
    expect(found('zebra crossing')).toEqual([]);
    expect(found('yak herders')).toEqual([renamed.id]);
    const expected: IndexChanges = { upserted: [renamed], removed: [] };
    expect(live.changes()).toEqual(expected);
    const stats: LiveIndexStats = live.stats();
    expect(stats.deltaRecords).toBe(1);

    // Another replica's change is picked up on the next poll.
    await store.writeDesk({ action: 'add', record: first, userId: 'U2', userName: 'ben', permalink: null }, NOW);
    expect(found('zebra crossing')).toEqual([]);
    ticks[0]!();
    await follower.sync();
    expect(found('zebra crossing')).toEqual([first.id]);
    expect(follower.applied).toBe(5);
    await follower.stop();
  });
});
