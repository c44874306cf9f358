import type { ActivitySteps, ActivityUnit } from '../model/period-glance.ts';
import type { IsoDate } from '../model/record.ts';

/** Up to a month reads best day by day, up to four years month by month, longer by year. */
const MAX_DAYS = 31;
const MAX_MONTHS = 48;

/** The steps from `first` to `last` (inclusive), in the finest unit that keeps the line short. */
export function activitySteps(first: IsoDate, last: IsoDate): ActivitySteps {
  const days = daysBetween(first, last) + 1;
  if (days <= MAX_DAYS) return { unit: 'day', keys: dayKeys(first, days) };
  const months = monthKeys(first.slice(0, 7), last.slice(0, 7));
  if (months.length <= MAX_MONTHS) return { unit: 'month', keys: months };
  const years: string[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) years.push(String(year));
  return { unit: 'year', keys: years };
}

/** The key of the step a date falls in. */
export function stepKey(date: IsoDate, unit: ActivityUnit): string {
  return unit === 'day' ? date : unit === 'month' ? date.slice(0, 7) : date.slice(0, 4);
}

function dayKeys(first: IsoDate, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

function monthKeys(first: string, last: string): string[] {
  const keys: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
    keys.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return keys;
}

function daysBetween(first: IsoDate, last: IsoDate): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
}
