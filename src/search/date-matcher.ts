import type { DateFilter } from '../model/query.ts';
import { dayNumber, monthDayNumber, NO_DATE } from './day-number.ts';

/** A test on a record's dayNumber; undated records never match a date filter. */
export function dateMatcher(filter: DateFilter): (day: number) => boolean {
  if (filter.kind === 'month-day') {
    const wanted = monthDayNumber(filter.month, filter.day);
    return (day) => day !== NO_DATE && day % 10_000 === wanted;
  }
  const from = filter.range.from === null ? Number.NEGATIVE_INFINITY : dayNumber(filter.range.from);
  const to = filter.range.to === null ? Number.POSITIVE_INFINITY : dayNumber(filter.range.to);
  return (day) => day !== NO_DATE && day >= from && day <= to;
}
