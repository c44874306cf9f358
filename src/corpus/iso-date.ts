import type { IsoDate } from '../model/record.ts';

/**
 * `2013-08-7`, `2013-8-07` or `2013-08-07` → `2013-08-07`; null when it is not a real calendar day.
 */
export function toIsoDate(year: string, month: string, day: string): IsoDate | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (!/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) return null;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Accepts `YYYY-MM-DD` with an unpadded month or day allowed. */
export function parseIsoDate(text: string): IsoDate | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  return match === null ? null : toIsoDate(match[1]!, match[2]!, match[3]!);
}

/**
 * Whether `text` is already what parseIsoDate makes of it: `YYYY-MM-DD`, a real day. By character codes:
 * a large corpus has a million of them, and the regular expressions and the Date made a few percent of its parse.
 */
export function isPaddedIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const DASH = 0x2d;

/** The number the decimal digits text[start … end) spell, -1 when one is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** February's length depends on the year (and on Date.UTC reading 0-99 as 1900-1999): it is asked of Date. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
