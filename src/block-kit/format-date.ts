import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import type { IsoDate } from '../model/record.ts';

/** `2013-08-07` → `Wed 7 Aug 2013`; null or unreadable dates → null. */
export function formatEventDate(date: IsoDate | null): string | null {
  if (date === null) return null;
  const parsed = parseISO(date);
  return isValid(parsed) ? format(parsed, 'EEE d MMM yyyy') : null;
}

/** `2013-08-07` → `7 Aug 2013`, for short mentions (related events). */
export function formatShortDate(date: IsoDate | null): string | null {
  if (date === null) return null;
  const parsed = parseISO(date);
  return isValid(parsed) ? format(parsed, 'd MMM yyyy') : null;
}
