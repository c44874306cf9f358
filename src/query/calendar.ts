import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isExists } from 'date-fns/isExists';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import type { IsoDate } from '../model/record.ts';

/**
 * Calendar days are plain local-midnight Dates: date-fns does the arithmetic and
 * formatting in the process's zone, and since every day is built and read back the
 * same way, that zone never shows in the result.
 */
export type Day = Date;

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

export function isYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A real calendar day (no 30 February), or null. */
export function dayOf(year: number, month: number, day: number): Day | null {
  if (!isYear(year) || !isExists(year, month - 1, day)) return null;
  return new Date(year, month - 1, day);
}

export function firstOfMonth(year: number, month: number): Day {
  return new Date(year, month - 1, 1);
}

export function lastOfMonth(year: number, month: number): Day {
  return lastDayOfMonth(firstOfMonth(year, month));
}

export function isoDay(day: Day): IsoDate {
  return format(day, 'yyyy-MM-dd');
}

export function dayBefore(day: Day): Day {
  return addDays(day, -1);
}

export function dayAfter(day: Day): Day {
  return addDays(day, 1);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day of `now` as seen in `timeZone` (UTC when absent or unknown), or
 * null when `now` is not a valid Date, so relative dates are simply not recognised.
 */
export function todayIn(now: Date, timeZone = 'UTC'): Day | null {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return null;
  const parts = formatterFor(timeZone).formatToParts(now);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const year = part('year');
  const month = part('month');
  const day = part('day');
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  return new Date(year, month - 1, day);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = makeFormatter(timeZone);
  } catch {
    formatter = makeFormatter('UTC');
  }
  if (formatters.size > 32) formatters.clear();
  formatters.set(timeZone, formatter);
  return formatter;
}

function makeFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    calendar: 'gregory',
    numberingSystem: 'latn',
  });
}
