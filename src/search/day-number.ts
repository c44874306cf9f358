import type { IsoDate } from '../model/record.ts';

/** `2013-08-07` → 20130807: dates compare as integers, cheaply, inside the search filter. */
export function dayNumber(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** Month and day as one number, 807 for 7 August, for "on this day". */
export function monthDayNumber(month: number, day: number): number {
  return month * 100 + day;
}

export const NO_DATE = 0;
