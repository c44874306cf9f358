import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS, type Store, type SubscriptionInput } from '../../src/store/store.ts';
import { makeRecord } from '../support/records.ts';

export interface StoreHarness {
  /** A store over an empty database. */
  open(): Promise<Store>;
  /** A second connection to the same database as the last `open()`, as another replica would have. */
  openAnother(): Promise<Store>;
}

const T0 = new Date('2026-03-01T08:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

const newsroom: SubscriptionInput = {
  teamId: 'T1',
  channelId: 'C100',
  time: '08:30',
  timeZone: 'Asia/Seoul',
  topic: 'north korea',
  quiet: false,
};

/** The behaviour every Store backend must share. */
export function runStoreContract(harness: StoreHarness): void {
  let store: Store;
  const extra: Store[] = [];
  beforeEach(async () => {
    store = await harness.open();
  });
  afterEach(async () => {
    for (const other of extra.splice(0)) await other.close();
    await store.close();
  });
  const another = async () => {
    const other = await harness.openAnother();
    extra.push(other);
    return other;
  };

  describe('subscriptions', () => {
    it('stores a subscription and reads it back exactly', async () => {
      const saved = await store.upsertSubscription(newsroom, T0);
      const expected = { ...newsroom, lastDigestAt: null, updatedAt: T0, lastError: null };
      expect(saved).toEqual(expected);
      expect(await store.getSubscription('T1', 'C100')).toEqual(expected);
    });

    it('returns null for a channel without one', async () => {
      expect(await store.getSubscription('T1', 'C404')).toBeNull();
    });

    it('replaces time, zone, topic and quiet on a second upsert but keeps lastDigestAt', async () => {
      await store.upsertSubscription(newsroom, T0);
      await store.markDigestPosted('C100', '2026-03-01', '1.0001', later(1_000));
      const changed = await store.upsertSubscription(
        { ...newsroom, time: '07:00', timeZone: 'Europe/London', topic: '', quiet: true },
        later(5_000),
      );
      expect(changed).toEqual({
        teamId: 'T1',
        channelId: 'C100',
        time: '07:00',
        timeZone: 'Europe/London',
        topic: '',
        quiet: true,
        lastDigestAt: later(1_000),
        lastError: null,
        updatedAt: later(5_000),
      });
    });

    it('lists all subscriptions by team then channel', async () => {
      await store.upsertSubscription({ ...newsroom, teamId: 'T2', channelId: 'C001' }, T0);
      await store.upsertSubscription({ ...newsroom, channelId: 'C300' }, T0);
      await store.upsertSubscription(newsroom, T0);
      const listed = await store.listSubscriptions();
      expect(listed.map((s) => `${s.teamId}/${s.channelId}`)).toEqual(['T1/C100', 'T1/C300', 'T2/C001']);
    });

    it('removes a subscription once', async () => {
      await store.upsertSubscription(newsroom, T0);
      expect(await store.removeSubscription('T1', 'C100')).toBe(true);
      expect(await store.removeSubscription('T1', 'C100')).toBe(false);
      expect(await store.listSubscriptions()).toEqual([]);
    });
  });

  describe('digest claims', () => {
    it('grants a channel-day to exactly one replica', async () => {
      expect(await store.claimDigest('C100', '2026-03-01', 'replica-a', T0)).toBe(true);
      expect(await store.claimDigest('C100', '2026-03-01', 'replica-b', later(1))).toBe(false);
      expect(await store.claimDigest('C100', '2026-03-01', 'replica-a', later(2))).toBe(false);
      expect(await store.getDigestClaim('C100', '2026-03-01')).toEqual({
        channelId: 'C100',
        localDay: '2026-03-01',
        replicaId: 'replica-a',
        state: 'claimed',
        claimedAt: T0,
        ts: null,
      });
    });

    it('keeps days and channels apart', async () => {
      expect(await store.claimDigest('C100', '2026-03-01', 'a', T0)).toBe(true);
      expect(await store.claimDigest('C100', '2026-03-02', 'a', T0)).toBe(true);
      expect(await store.claimDigest('C200', '2026-03-01', 'a', T0)).toBe(true);
    });

    it('lets another replica take over an unposted claim only once the lease has run out', async () => {
      await store.claimDigest('C100', '2026-03-01', 'crashed', T0);
      expect(await store.claimDigest('C100', '2026-03-01', 'rescuer', later(CLAIM_LEASE_MS - 1))).toBe(false);
      expect(await store.claimDigest('C100', '2026-03-01', 'rescuer', later(CLAIM_LEASE_MS))).toBe(true);
      expect(await store.claimDigest('C100', '2026-03-01', 'third', later(CLAIM_LEASE_MS + 1))).toBe(false);
      expect((await store.getDigestClaim('C100', '2026-03-01'))?.replicaId).toBe('rescuer');
    });

    it('never hands out a posted day again, however late', async () => {
      await store.claimDigest('C100', '2026-03-01', 'a', T0);
      await store.markDigestPosted('C100', '2026-03-01', '1700000000.000100', later(10));
      expect(await store.claimDigest('C100', '2026-03-01', 'b', later(CLAIM_LEASE_MS * 100))).toBe(false);
      expect(await store.getDigestClaim('C100', '2026-03-01')).toMatchObject({ state: 'posted', ts: '1700000000.000100' });
    });

    it('stamps the channel subscription with when the posted digest was built', async () => {
      await store.upsertSubscription(newsroom, T0);
      await store.claimDigest('C100', '2026-03-01', 'a', later(5));
      await store.markDigestPosted('C100', '2026-03-01', '1.2', later(7));
      expect((await store.getSubscription('T1', 'C100'))?.lastDigestAt).toEqual(later(7));
    });

    it('keeps the last failure until the next post, and reports only the first of a run of failures', async () => {
      await store.upsertSubscription(newsroom, T0);
      expect(await store.noteDigestFailure('C100', 'not_in_channel', later(1))).toBe(true);
      expect(await store.noteDigestFailure('C100', 'channel_not_found', later(2))).toBe(false);
      expect((await store.getSubscription('T1', 'C100'))?.lastError).toEqual({ reason: 'channel_not_found', at: later(2) });
      expect(await (await another()).noteDigestFailure('C100', 'is_archived', later(3))).toBe(false);
      await store.markDigestPosted('C100', '2026-03-01', '1.0001', later(4));
      expect((await store.getSubscription('T1', 'C100'))?.lastError).toBeNull();
      expect(await store.noteDigestFailure('C100', 'not_in_channel', later(5))).toBe(true);
      expect(await store.noteDigestFailure('C404', 'not_in_channel', later(5))).toBe(false);
    });

    it('frees a released claim for the next attempt, but only when its holder releases it', async () => {
      await store.claimDigest('C100', '2026-03-01', 'a', T0);
      await store.releaseDigest('C100', '2026-03-01', 'b');
      expect(await store.claimDigest('C100', '2026-03-01', 'b', later(1))).toBe(false);
      await store.releaseDigest('C100', '2026-03-01', 'a');
      expect(await store.getDigestClaim('C100', '2026-03-01')).toBeNull();
      expect(await store.claimDigest('C100', '2026-03-01', 'b', later(2))).toBe(true);
    });

    it('does not release a day that was already posted', async () => {
      await store.claimDigest('C100', '2026-03-01', 'a', T0);
      await store.markDigestPosted('C100', '2026-03-01', '1.2', T0);
      await store.releaseDigest('C100', '2026-03-01', 'a');
      expect((await store.getDigestClaim('C100', '2026-03-01'))?.state).toBe('posted');
    });

    it('gives one winner among many replicas claiming at the same moment', async () => {
      const replicas = [store, await another(), await another(), await another()];
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => replicas[i % replicas.length]!.claimDigest('C100', '2026-03-01', `r${i}`, T0)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('shares claims and subscriptions with another connection to the same database', async () => {
      const other = await another();
      await store.upsertSubscription(newsroom, T0);
      await store.claimDigest('C100', '2026-03-01', 'a', T0);
      expect(await other.claimDigest('C100', '2026-03-01', 'b', T0)).toBe(false);
      expect((await other.getSubscription('T1', 'C100'))?.time).toBe('08:30');
    });
  });

  describe('records seen', () => {
    it('counts only ids not seen before and remembers the first sighting', async () => {
      expect(await store.noteRecordsSeen(['news/2013/08/7/a', 'news/2013/08/7/b'], T0)).toBe(2);
      expect(await store.noteRecordsSeen(['news/2013/08/7/b', 'news/2026/03/1/c'], later(60_000))).toBe(1);
      expect(await store.recordsSeenSince(new Date(T0.getTime() - 1))).toEqual([
        'news/2013/08/7/a',
        'news/2013/08/7/b',
        'news/2026/03/1/c',
      ]);
      expect(await store.recordsSeenSince(T0)).toEqual(['news/2026/03/1/c']);
      expect(await store.recordsSeenSince(later(60_000))).toEqual([]);
    });

    it('knows whether it has seen any record yet', async () => {
      expect(await store.hasSeenRecords()).toBe(false);
      await store.noteRecordsSeen(['news/2013/08/7/a'], T0);
      expect(await store.hasSeenRecords()).toBe(true);
    });

    it('takes a whole corpus worth of ids in one call', async () => {
      const ids = Array.from({ length: 12_000 }, (_, i) => `news/2020/01/1/event-${i}`);
      expect(await store.noteRecordsSeen(ids, T0)).toBe(12_000);
      expect(await store.noteRecordsSeen(ids, later(1))).toBe(0);
      expect(await store.noteRecordsSeen([], later(2))).toBe(0);
    });
  });

  describe('desk events and their change log', () => {
    const talks = makeRecord({
      id: 'news/2026/03/1/talks-resume',
      title: 'Talks resume',
      origin: { file: 'store:desk', line: 0, format: 'event-page' },
    });

    it('adds an event, credits its author and logs the change with the record after it', async () => {
      const outcome = await store.writeDesk(
        { action: 'add', record: talks, userId: 'U1', userName: 'ana', permalink: 'https://newsroom.slack.com/p1' },
        T0,
      );
      expect(outcome).toEqual({
        ok: true,
        change: { seq: 1, action: 'add', eventId: talks.id, userId: 'U1', at: T0, before: null, after: talks },
      });
      expect(await store.getDeskEvent(talks.id)).toEqual({
        record: talks,
        author: 'U1',
        authorName: 'ana',
        permalink: 'https://newsroom.slack.com/p1',
        createdAt: T0,
        updatedAt: T0,
      });
      expect(await store.writeDesk({ action: 'add', record: talks, userId: 'U2', userName: 'ben', permalink: null }, later(1))).toEqual({
        ok: false,
        reason: 'exists',
      });
    });

    it('edits under a new id, removes, and keeps every step in the log in order', async () => {
      await store.writeDesk({ action: 'add', record: talks, userId: 'U1', userName: 'ana', permalink: null }, T0);
      const renamed = { ...talks, id: 'news/2026/03/1/talks-resume-in-seoul', title: 'Talks resume in Seoul' };
      const edit = await store.writeDesk({ action: 'edit', id: talks.id, record: renamed, userId: 'U9' }, later(1_000));
      expect(edit).toMatchObject({ ok: true, change: { seq: 2, action: 'edit', eventId: renamed.id, before: talks, after: renamed } });
      expect(await store.getDeskEvent(talks.id)).toBeNull();
      expect(await store.getDeskEvent(renamed.id)).toMatchObject({ author: 'U1', createdAt: T0, updatedAt: later(1_000) });
      expect(await store.writeDesk({ action: 'remove', id: talks.id, userId: 'U1' }, later(2_000))).toEqual({
        ok: false,
        reason: 'missing',
      });
      expect(await store.writeDesk({ action: 'remove', id: renamed.id, userId: 'U1' }, later(3_000))).toMatchObject({
        ok: true,
        change: { seq: 3, action: 'remove', eventId: renamed.id, before: renamed, after: null },
      });
      expect(await store.listDeskEvents()).toEqual([]);
      const log = await store.deskChangesAfter(0, 100);
      expect(log.map((change) => [change.seq, change.action, change.eventId, change.userId])).toEqual([
        [1, 'add', talks.id, 'U1'],
        [2, 'edit', renamed.id, 'U9'],
        [3, 'remove', renamed.id, 'U1'],
      ]);
      expect((await store.deskChangesAfter(1, 1)).map((change) => change.seq)).toEqual([2]);
    });

    it('refuses an edit onto the id of another desk event', async () => {
      const other = { ...talks, id: 'news/2026/03/1/other', title: 'Other' };
      await store.writeDesk({ action: 'add', record: talks, userId: 'U1', userName: 'ana', permalink: null }, T0);
      await store.writeDesk({ action: 'add', record: other, userId: 'U1', userName: 'ana', permalink: null }, T0);
      expect(await store.writeDesk({ action: 'edit', id: talks.id, record: { ...talks, id: other.id }, userId: 'U1' }, T0)).toEqual({
        ok: false,
        reason: 'exists',
      });
    });

    it('tells listeners of another replica’s write at once on PostgreSQL; SQLite has no notifications (it polls)', async () => {
      let heard = 0;
      let wake = () => {};
      const woken = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const stop = await store.listenForDeskChanges(() => {
        heard += 1;
        wake();
      });
      if (stop === null) {
        expect(store.kind).toBe('sqlite');
        return;
      }
      await (await another()).writeDesk({ action: 'add', record: talks, userId: 'U2', userName: 'ben', permalink: null }, T0);
      await woken;
      await stop();
      expect(heard).toBe(1);
    });

    it('gives another replica the same log, numbered without gaps under concurrent writes', async () => {
      const other = await another();
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 === 0 ? store : other).writeDesk(
            { action: 'add', record: { ...talks, id: `news/2026/03/1/event-${i}` }, userId: 'U1', userName: 'ana', permalink: null },
            later(i),
          ),
        ),
      );
      expect((await other.deskChangesAfter(0, 100)).map((change) => change.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await store.listDeskEvents()).length).toBe(10);
    });
  });
}
