import { describe, expect, it } from 'vitest';
import { digestSlot, localMoment, normalizeClockTime, parseClockTime, type DigestSchedule } from '../../src/digest/schedule.ts';

const LONG_AGO = new Date('2026-01-01T00:00:00Z');
const schedule = (time: string, timeZone: string, extra: Partial<DigestSchedule> = {}): DigestSchedule => ({
  time,
  timeZone,
  updatedAt: LONG_AGO,
  lastDigestAt: null,
  ...extra,
});
const at = (iso: string) => new Date(iso);

describe('localMoment', () => {
  it('reads the wall clock in zones east and west of UTC, including odd offsets', () => {
    const instant = at('2026-11-22T23:30:00Z');
    expect(localMoment(instant, 'Asia/Seoul')).toEqual({ day: '2026-11-23', minutes: 8 * 60 + 30 });
    expect(localMoment(instant, 'America/Los_Angeles')).toEqual({ day: '2026-11-22', minutes: 15 * 60 + 30 });
    expect(localMoment(instant, 'Asia/Kathmandu')).toEqual({ day: '2026-11-23', minutes: 5 * 60 + 15 });
    expect(localMoment(instant, 'Pacific/Kiritimati')).toEqual({ day: '2026-11-23', minutes: 13 * 60 + 30 });
    expect(localMoment(instant, 'UTC')).toEqual({ day: '2026-11-22', minutes: 23 * 60 + 30 });
  });

  it('says 00:xx, not 24:xx, just after midnight', () => {
    expect(localMoment(at('2026-11-23T00:05:00Z'), 'UTC')).toEqual({ day: '2026-11-23', minutes: 5 });
  });
});

describe('parseClockTime', () => {
  it('reads 24-hour times with or without a leading zero', () => {
    expect(parseClockTime('08:30')).toBe(510);
    expect(parseClockTime('7:05')).toBe(425);
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('23:59')).toBe(1439);
    expect(normalizeClockTime('7:05')).toBe('07:05');
  });

  it('rejects what is not a time of day', () => {
    for (const bad of ['25:99', '24:00', '8', '8:3', '08:60', 'noon', '', '08:30pm']) expect(parseClockTime(bad)).toBeNull();
    expect(normalizeClockTime('25:99')).toBeNull();
  });
});

describe('digestSlot', () => {
  describe('across time zones', () => {
    it('comes due at 08:30 Seoul, which is 23:30 UTC the day before', () => {
      const seoul = schedule('08:30', 'Asia/Seoul');
      expect(digestSlot(seoul, at('2026-11-22T23:29:59Z'))).toEqual({ localDay: '2026-11-23', due: false });
      expect(digestSlot(seoul, at('2026-11-22T23:30:00Z'))).toEqual({ localDay: '2026-11-23', due: true });
    });

    it('gives the same instant a different local day in New York', () => {
      const newYork = schedule('08:30', 'America/New_York');
      expect(digestSlot(newYork, at('2026-11-22T23:30:00Z'))).toEqual({ localDay: '2026-11-22', due: true });
      expect(digestSlot(newYork, at('2026-11-23T05:00:00Z'))).toEqual({ localDay: '2026-11-23', due: false });
      expect(digestSlot(newYork, at('2026-11-23T13:30:00Z'))).toEqual({ localDay: '2026-11-23', due: true });
    });

    it('stays due for the rest of the local day, so a bot that was down catches up, then stops at midnight', () => {
      const london = schedule('08:30', 'Europe/London');
      expect(digestSlot(london, at('2026-11-23T23:59:00Z'))).toEqual({ localDay: '2026-11-23', due: true });
      expect(digestSlot(london, at('2026-11-24T00:00:00Z'))).toEqual({ localDay: '2026-11-24', due: false });
    });
  });

  describe('once a day', () => {
    it('is not due again the day a digest was posted', () => {
      const posted = schedule('08:30', 'Asia/Seoul', { lastDigestAt: at('2026-11-22T23:30:05Z') });
      expect(digestSlot(posted, at('2026-11-23T09:00:00Z'))).toEqual({ localDay: '2026-11-23', due: false });
      expect(digestSlot(posted, at('2026-11-23T23:30:00Z'))).toEqual({ localDay: '2026-11-24', due: true });
    });

    it("waits for tomorrow when the schedule is set after today's slot, but not when set before it", () => {
      const setLate = schedule('08:30', 'UTC', { updatedAt: at('2026-11-23T10:00:00Z') });
      expect(digestSlot(setLate, at('2026-11-23T10:00:30Z')).due).toBe(false);
      expect(digestSlot(setLate, at('2026-11-24T08:30:00Z')).due).toBe(true);
      const setEarly = schedule('10:05', 'UTC', { updatedAt: at('2026-11-23T10:00:00Z') });
      expect(digestSlot(setEarly, at('2026-11-23T10:05:00Z')).due).toBe(true);
    });
  });

  describe('daylight saving changes (America/New_York, 2026)', () => {
    it('posts a 02:30 slot once on spring-forward day, at 03:00 when the clock skips 02:00-03:00', () => {
      const early = schedule('02:30', 'America/New_York');
      expect(digestSlot(early, at('2026-03-08T06:59:00Z'))).toEqual({ localDay: '2026-03-08', due: false });
      expect(digestSlot(early, at('2026-03-08T07:00:00Z'))).toEqual({ localDay: '2026-03-08', due: true });
      const posted = { ...early, lastDigestAt: at('2026-03-08T07:00:10Z') };
      expect(digestSlot(posted, at('2026-03-08T07:30:00Z')).due).toBe(false);
      expect(digestSlot(posted, at('2026-03-09T06:30:00Z'))).toEqual({ localDay: '2026-03-09', due: true });
    });

    it('does not post a 01:30 slot twice when fall-back repeats 01:00-02:00', () => {
      const early = schedule('01:30', 'America/New_York');
      expect(digestSlot(early, at('2026-11-01T05:30:00Z'))).toEqual({ localDay: '2026-11-01', due: true });
      const posted = { ...early, lastDigestAt: at('2026-11-01T05:30:05Z') };
      expect(localMoment(at('2026-11-01T06:30:00Z'), 'America/New_York')).toEqual({ day: '2026-11-01', minutes: 90 });
      expect(digestSlot(posted, at('2026-11-01T06:30:00Z'))).toEqual({ localDay: '2026-11-01', due: false });
    });

    it('keeps 08:30 at 08:30 local on both sides of the change, an hour apart in UTC', () => {
      const morning = schedule('08:30', 'America/New_York');
      expect(digestSlot(morning, at('2026-03-07T13:30:00Z')).due).toBe(true);
      expect(digestSlot(morning, at('2026-03-08T12:29:00Z')).due).toBe(false);
      expect(digestSlot(morning, at('2026-03-08T12:30:00Z')).due).toBe(true);
    });
  });

  it('throws a RangeError for a malformed time, which callers validate first', () => {
    expect(() => digestSlot(schedule('25:99', 'UTC'), at('2026-11-23T00:00:00Z'))).toThrow(RangeError);
  });
});
