import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.ts';
import { liveIndex } from '../../src/search/live-index.ts';
import type { CorpusIndex } from '../../src/search/search-index.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { bundledSearcher } from '../hardening/app-harness.ts';
import { makeRecord } from '../support/records.ts';

describe('Newly added, for events added from Slack', () => {
  it('credits the person who added it by name, never with a mention', async () => {
    const store = openSqliteStore('sqlite::memory:');
    const live = liveIndex((await bundledSearcher()) as CorpusIndex);
    const subscribed = new Date('2026-11-20T00:00:00Z');
    const added = makeRecord({
      id: 'news/2026/11/21/kaesong-ferry-pier-reopens',
      date: '2026-11-21',
      title: 'Kaesong ferry pier reopens',
      origin: { file: 'store:desk', line: 0, format: 'event-page' },
    });
    await store.writeDesk({ action: 'add', record: added, userId: 'U1', userName: 'ana_*lee*', permalink: null }, subscribed);
    live.upsert([added]);
    await store.noteRecordsSeen([added.id], new Date('2026-11-21T08:00:00Z'));
    const subscription = await store.upsertSubscription(
      { teamId: 'T1', channelId: 'C1', time: '08:30', timeZone: 'UTC', topic: '', quiet: false },
      subscribed,
    );
    const { digest, message } = await buildDigest(live, store, subscription, '2026-11-22');
    expect(digest.addedBy).toEqual({ [added.id]: 'ana_*lee*' });
    const blocks = JSON.stringify(message!.blocks);
    expect(blocks).toContain('_added by ana\u02CD\u2217lee\u2217 · 21 Nov 2026_');
    expect(blocks).not.toContain('<@U1>');
    await store.close();
  });
});
