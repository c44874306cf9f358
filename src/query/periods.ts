import { format } from 'date-fns/format';
import { isExists } from 'date-fns/isExists';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfWeek } from 'date-fns/startOfWeek';
import { startOfYear } from 'date-fns/startOfYear';
import { subDays } from 'date-fns/subDays';
import { subMonths } from 'date-fns/subMonths';
import type { Day } from './calendar.ts';
import { dayOf, firstOfMonth, isYear, lastOfMonth } from './calendar.ts';
import { monthNumber } from './month-names.ts';

/** A bounded stretch of days a user named, with the words to show for it. */
export interface Period {
  from: Day;
  to: Day;
  label: string;
}

/** What a run of words starting at some index means as a date. */
export type PeriodMatch =
  | { kind: 'period'; period: Period; length: number }
  /** Shaped like a date but impossible (`Feb 30 2013`): those words stay text. */
  | { kind: 'impossible'; length: number };

const MAX_RELATIVE_DAYS = 3650;

/**
 * The period named by `words[at…]` (lower-case date cores), longest reading first:
 * a day, a month of a year, a year or decade, or a span relative to `today`.
 */
export function periodAt(words: readonly string[], at: number, today: Day | null): PeriodMatch | null {
  return namedMonthAt(words, at) ?? koreanDateAt(words, at) ?? numericAt(words[at]) ?? relativeAt(words, at, today);
}

function yearPeriod(year: number): Period {
  return { from: new Date(year, 0, 1), to: new Date(year, 11, 31), label: String(year) };
}

function monthPeriod(year: number, month: number): Period {
  const from = firstOfMonth(year, month);
  return { from, to: lastOfMonth(year, month), label: format(from, 'MMM yyyy') };
}

function dayPeriod(day: Day): Period {
  return { from: day, to: day, label: format(day, 'd MMM yyyy') };
}

function parseYear(word: string | undefined): number | null {
  if (word === undefined || !/^\d{4}$/.test(word)) return null;
  const year = Number(word);
  return isYear(year) ? year : null;
}

/** A day of the month as written before or after a month name: `7`, `07`, `7th`. */
export function parseDayOfMonth(word: string | undefined): number | null {
  const match = word === undefined ? null : /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word);
  return match ? Number(match[1]) : null;
}

/** `Aug 2013`, `Aug 7 2013`, `August 7, 2013`, `7 Aug 2013`. */
function namedMonthAt(words: readonly string[], at: number): PeriodMatch | null {
  const month = monthNumber(words[at]);
  if (month !== null) {
    const dayFirst = parseDayOfMonth(words[at + 1]);
    const yearAfterDay = parseYear(words[at + 2]);
    if (dayFirst !== null && yearAfterDay !== null) return dayMatch(yearAfterDay, month, dayFirst, 3);
    const year = parseYear(words[at + 1]);
    if (year !== null) return { kind: 'period', period: monthPeriod(year, month), length: 2 };
    return null;
  }
  const day = parseDayOfMonth(words[at]);
  const monthAfterDay = monthNumber(words[at + 1]);
  const year = parseYear(words[at + 2]);
  if (day !== null && monthAfterDay !== null && year !== null) return dayMatch(year, monthAfterDay, day, 3);
  return null;
}

/** `2013년`, `2013년 8월`, `2013년 8월 7일`, as Korean newsrooms write dates. */
function koreanDateAt(words: readonly string[], at: number): PeriodMatch | null {
  const year = parseYear(/^(\d{4})년$/.exec(words[at] ?? '')?.[1]);
  if (year === null) return null;
  const monthText = /^(\d{1,2})월$/.exec(words[at + 1] ?? '')?.[1];
  const month = monthText === undefined ? null : Number(monthText);
  if (month === null || month < 1 || month > 12) return { kind: 'period', period: yearPeriod(year), length: 1 };
  const dayText = /^(\d{1,2})일$/.exec(words[at + 2] ?? '')?.[1];
  if (dayText === undefined) return { kind: 'period', period: monthPeriod(year, month), length: 2 };
  return dayMatch(year, month, Number(dayText), 3);
}

/** `2013`, `1990s`, `2013-08`, `2013/08`, `2013-08-07`, `2013.8.7`. */
function numericAt(word: string | undefined): PeriodMatch | null {
  if (word === undefined) return null;
  const year = parseYear(word);
  if (year !== null) return { kind: 'period', period: yearPeriod(year), length: 1 };
  const decade = /^(\d{3}0)s$/.exec(word);
  if (decade) {
    const start = Number(decade[1]);
    if (!isYear(start) || !isYear(start + 9)) return null;
    return { kind: 'period', period: { from: new Date(start, 0, 1), to: new Date(start + 9, 11, 31), label: `${start}s` }, length: 1 };
  }
  const yearMonth = /^(\d{4})([-/.])(\d{1,2})$/.exec(word);
  if (yearMonth) {
    const y = parseYear(yearMonth[1]);
    const month = Number(yearMonth[3]);
    if (y === null || month < 1 || month > 12) return null;
    return { kind: 'period', period: monthPeriod(y, month), length: 1 };
  }
  const full = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(word);
  if (full) {
    const y = parseYear(full[1]);
    if (y === null) return null;
    return dayMatch(y, Number(full[3]), Number(full[4]), 1);
  }
  return null;
}

function dayMatch(year: number, month: number, day: number, length: number): PeriodMatch {
  const date = dayOf(year, month, day);
  return date === null ? { kind: 'impossible', length } : { kind: 'period', period: dayPeriod(date), length };
}

/**
 * `today`, `yesterday`, `this|last week|month|year`, `last|past N days|weeks`.
 * `this …` runs from the start of the period to today: nothing later has happened yet.
 */
function relativeAt(words: readonly string[], at: number, today: Day | null): PeriodMatch | null {
  if (today === null) return null;
  const word = words[at];
  const single = (period: Period, length = 1): PeriodMatch => ({ kind: 'period', period, length });
  if (word === 'today') return single({ from: today, to: today, label: 'today' });
  if (word === 'yesterday') {
    const yesterday = subDays(today, 1);
    return single({ from: yesterday, to: yesterday, label: 'yesterday' });
  }
  if (word !== 'this' && word !== 'last' && word !== 'past') return null;
  const count = /^\d{1,5}$/.test(words[at + 1] ?? '') ? Number(words[at + 1]) : null;
  if (word !== 'this' && count !== null) {
    const unit = words[at + 2];
    const days = unit === 'day' || unit === 'days' ? count : unit === 'week' || unit === 'weeks' ? count * 7 : null;
    if (days === null || days < 1 || days > MAX_RELATIVE_DAYS) return null;
    return single({ from: subDays(today, days - 1), to: today, label: `${word} ${count} ${unit}` }, 3);
  }
  if (word === 'past') return null;
  const unit = words[at + 1];
  const label = `${word} ${unit}`;
  if (word === 'this') {
    if (unit === 'week') return single({ from: startOfIsoStyleWeek(today), to: today, label }, 2);
    if (unit === 'month') return single({ from: startOfMonth(today), to: today, label }, 2);
    if (unit === 'year') return single({ from: startOfYear(today), to: today, label }, 2);
    return null;
  }
  if (unit === 'week') {
    // The previous calendar week, Monday to Sunday, as a newsroom would say it: the
    // rolling window has its own words ("last 7 days"), so the two do not overlap in meaning.
    const monday = subDays(startOfIsoStyleWeek(today), 7);
    return single({ from: monday, to: subDays(monday, -6), label }, 2);
  }
  if (unit === 'month') {
    const previous = subMonths(startOfMonth(today), 1);
    return single({ from: previous, to: lastDayOfMonth(previous), label }, 2);
  }
  if (unit === 'year') {
    return single({ ...yearPeriod(today.getFullYear() - 1), label }, 2);
  }
  return null;
}

/** Weeks start on Monday (ISO 8601), as in Korea and most newsrooms outside the US. */
function startOfIsoStyleWeek(day: Day): Day {
  return startOfWeek(day, { weekStartsOn: 1 });
}

/** `month`/`day` as a real day in some year (29 Feb counts), for "on this day"-style filters. */
export function isMonthDay(month: number, day: number): boolean {
  return isExists(2000, month - 1, day);
}
