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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
