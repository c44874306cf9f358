import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestCommands } from '../../src/digest/digest-commands.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { DigestCommandPort } from '../../src/digest/digest-port.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { fakeSearcher } from '../support/fake-searcher.ts';
import { makeRecord } from '../support/records.ts';
import { steppableClock, type SteppableClock } from './support.ts';

const ctx = { teamId: 'T1', channelId: 'C1', userId: 'U1' };
const kaesong = makeRecord({ id: 'news/2013/11/23/kaesong', date: '2013-11-23', title: 'Kaesong talks resume', image: null });

describe('digest commands', () => {
  let store: Store;
  let clock: SteppableClock;
  let searcher: Searcher | null;
  let digest: DigestCommandPort;

  beforeEach(() => {
    store = openSqliteStore('sqlite::memory:');
    clock = steppableClock('2026-11-22T21:00:00Z'); // 06:00 on 23 Nov in Seoul
    searcher = fakeSearcher([kaesong]);
    digest = createDigestCommands({ store, searcher: () => searcher, clock, defaults: { time: '08:30', timeZone: 'Asia/Seoul' } });
  });
  afterEach(async () => store.close());

  describe('on', () => {
    it('subscribes with the defaults', async () => {
      expect(await digest.handle('on', ctx)).toEqual({
        text: 'Daily digest on for this channel: every day at 08:30 Asia/Seoul, no topic, nothing on days with nothing to say. The first one comes today at 08:30. See it now with `/kaesong digest preview`.',
      });
      expect(await store.getSubscription('T1', 'C1')).toMatchObject({ time: '08:30', timeZone: 'Asia/Seoul', topic: '', quiet: false });
    });

    it('takes a time, a zone, topic words and --quiet in one line', async () => {
      const reply = await digest.handle('on 7:00 europe/london North Korea --quiet', ctx);
      expect(reply.text).toBe(
        'Daily digest on for this channel: every day at 07:00 Europe/London, topic "North Korea", a quiet line on days with nothing to say. The first one comes tomorrow at 07:00. See it now with `/kaesong digest preview`.',
      );
      expect(await store.getSubscription('T1', 'C1')).toMatchObject({
        time: '07:00',
        timeZone: 'Europe/London',
        topic: 'North Korea',
        quiet: true,
      });
    });

    it("says the first one comes tomorrow when today's time has passed", async () => {
      expect((await digest.handle('on 05:00', ctx)).text).toContain('The first one comes tomorrow at 05:00.');
    });

    it('keeps what is not mentioned when changing one thing', async () => {
      await digest.handle('on 07:00 Europe/London kaesong --quiet', ctx);
      await digest.handle('on 09:15', ctx);
      expect(await store.getSubscription('T1', 'C1')).toMatchObject({
        time: '09:15',
        timeZone: 'Europe/London',
        topic: 'kaesong',
        quiet: true,
      });
      await digest.handle('on --no-topic --no-quiet', ctx);
      expect(await store.getSubscription('T1', 'C1')).toMatchObject({ time: '09:15', topic: '', quiet: false });
    });

    it.each([
      ['on 25:99', '"25:99" is not a time of day. Use 24-hour HH:MM, e.g. `/kaesong digest on 07:00 Europe/London north korea`'],
      ['on 8:5', '"8:5" is not a time of day. Use 24-hour HH:MM, e.g. `/kaesong digest on 07:00 Europe/London north korea`'],
      [
        'on 07:00 Mars/Olympus_Mons',
        '"Mars/Olympus_Mons" is not a time zone I know. Use an IANA name such as Asia/Seoul or Europe/London, e.g. `/kaesong digest on 07:00 Europe/London north korea`',
      ],
      [
        'on --loud',
        '"--loud" is not an option I know (try --quiet, --no-quiet or --no-topic), e.g. `/kaesong digest on 07:00 Europe/London north korea`',
      ],
    ])('answers "%s" with one clear line and changes nothing', async (input, expected) => {
      await digest.handle('on 06:45 Asia/Tokyo', ctx);
      const before = await store.getSubscription('T1', 'C1');
      clock.advance(60_000);
      expect(await digest.handle(input, ctx)).toEqual({ text: expected });
      expect(await store.getSubscription('T1', 'C1')).toEqual(before);
    });

    it('does not subscribe a channel on bad input', async () => {
      await digest.handle('on 24:00', ctx);
      expect(await store.listSubscriptions()).toEqual([]);
    });
  });

  describe('off', () => {
    it('unsubscribes, and says so when there was nothing to stop', async () => {
      await digest.handle('on', ctx);
      expect(await digest.handle('off', ctx)).toEqual({ text: 'Daily digest off for this channel.' });
      expect(await digest.handle('off', ctx)).toEqual({
        text: 'This channel has no daily digest. Turn one on with `/kaesong digest on 08:30`.',
      });
      expect(await store.listSubscriptions()).toEqual([]);
    });
  });

  describe('status', () => {
    it("describes the subscription and the last digest in the channel's zone", async () => {
      await digest.handle('on 08:30 Asia/Seoul kaesong', ctx);
      expect(await digest.handle('status', ctx)).toEqual({
        text: 'Daily digest for this channel: every day at 08:30 Asia/Seoul, topic "kaesong", nothing on days with nothing to say. Last digest: none yet.',
      });
      await store.markDigestPosted('C1', '2026-11-23', '1.1', new Date('2026-11-22T23:30:00Z'));
      expect((await digest.handle('', ctx)).text).toBe(
        'Daily digest for this channel: every day at 08:30 Asia/Seoul, topic "kaesong", nothing on days with nothing to say. Last digest: Mon 23 Nov 2026 08:30.',
      );
    });

    it('tells an unsubscribed channel how to start', async () => {
      expect(await digest.handle('status', ctx)).toEqual({
        text: 'This channel has no daily digest. Turn one on with `/kaesong digest on 08:30`.',
      });
    });
  });

  describe('preview', () => {
    it("shows today's digest for the channel without posting or claiming it", async () => {
      await digest.handle('on', ctx);
      const reply = await digest.handle('preview', ctx);
      expect(reply.text).toBe(
        'Preview for this channel, only you can see it (not posted).\nDaily digest · Mon 23 Nov 2026: 1 on this day\n13 years ago: Kaesong talks resume',
      );
      expect(checkMessage(reply)).toEqual([]);
      expect(await store.getDigestClaim('C1', '2026-11-23')).toBeNull();
    });

    it('previews with the defaults for a channel that is not subscribed, and says when there is nothing', async () => {
      clock.set('2026-11-23T21:00:00Z');
      const reply = await digest.handle('preview', ctx);
      expect(reply.text).toBe('Daily digest · Tue 24 Nov 2026: nothing on this day in earlier years, and nothing new.');
    });

    it('asks for patience while the corpus loads', async () => {
      searcher = null;
      expect(await digest.handle('preview', ctx)).toEqual({ text: 'Warming up, one moment… try the preview again shortly.' });
    });
  });

  it('explains itself for an unknown subcommand', async () => {
    const reply = await digest.handle('weekly', ctx);
    expect(reply.text.split('\n')[0]).toBe(
      '"weekly" is not a digest command. Use on, off, status or preview, e.g. `/kaesong digest on 07:00 Europe/London north korea`',
    );
    expect(reply.text.split('\n')).toHaveLength(5);
  });
});
