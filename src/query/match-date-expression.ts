import { format } from 'date-fns/format';
import type { DateFilter } from '../model/query.ts';
import type { Day } from './calendar.ts';
import { dayAfter, dayBefore, isoDay } from './calendar.ts';
import { monthNumber } from './month-names.ts';
import type { Period } from './periods.ts';
import { isMonthDay, parseDayOfMonth, periodAt } from './periods.ts';

export type DateExpressionMatch =
  | { kind: 'date'; filter: DateFilter; label: string; length: number }
  /** Shaped like a date but impossible (`2013-02-30`): those words stay text. */
  | { kind: 'not-a-date'; length: number };

const RANGE_SEPARATORS = new Set(['to', 'through', 'thru', 'until', 'till', '-', '–', '—', '..']);
const OPENERS: ReadonlyMap<string, 'since' | 'after' | 'before' | 'until'> = new Map([
  ['since', 'since'],
  ['from', 'since'],
  ['after', 'after'],
  ['before', 'before'],
  ['until', 'until'],
  ['till', 'until'],
  ['til', 'until'],
]);

/**
 * The date expression that starts at `words[at]` (lower-case date cores of
 * consecutive plain words), or null when none starts there.
 */
export function matchDateExpression(words: readonly string[], at: number, today: Day | null): DateExpressionMatch | null {
  if (!canStartDate(words[at])) return null;
  return (
    onThisDayAt(words, at, today) ??
    betweenAt(words, at, today) ??
    fromToAt(words, at, today) ??
    openEndedAt(words, at, today) ??
    rangeOrPeriodAt(words, at, today) ??
    monthDayAt(words, at)
  );
}

const STARTING_WORDS = new Set(['on', 'this', 'between', 'today', 'yesterday', 'last', 'past', ...OPENERS.keys()]);

/** Every date expression starts with a digit, a month name or one of a few words: most words are ruled out at once. */
function canStartDate(word: string | undefined): boolean {
  if (word === undefined) return false;
  return /\d/.test(word) || STARTING_WORDS.has(word) || monthNumber(word) !== null;
}

function onThisDayAt(words: readonly string[], at: number, today: Day | null): DateExpressionMatch | null {
  if (today === null) return null;
  const skip = words[at] === 'on' ? 1 : 0;
  if (words[at + skip] !== 'this' || words[at + skip + 1] !== 'day') return null;
  return {
    kind: 'date',
    filter: { kind: 'month-day', month: today.getMonth() + 1, day: today.getDate() },
    label: `on this day (${format(today, 'd MMM')})`,
    length: skip + 2,
  };
}

/** `between 2013 and 2016`. */
function betweenAt(words: readonly string[], at: number, today: Day | null): DateExpressionMatch | null {
  if (words[at] !== 'between') return null;
  return spanAt(words, at + 1, today, (word) => word === 'and', 1);
}

/** `from 2013 to 2016`. */
function fromToAt(words: readonly string[], at: number, today: Day | null): DateExpressionMatch | null {
  if (words[at] !== 'from') return null;
  return spanAt(words, at + 1, today, (word) => RANGE_SEPARATORS.has(word), 1);
}

/** `since 2015`, `after March 2014`, `before 2010`, `until 2013-06`. */
function openEndedAt(words: readonly string[], at: number, today: Day | null): DateExpressionMatch | null {
  const opener = OPENERS.get(words[at] ?? '');
  if (opener === undefined) return null;
  const match = periodAt(words, at + 1, today);
  if (match === null) return null;
  if (match.kind === 'impossible') return { kind: 'not-a-date', length: 1 + match.length };
  const { period } = match;
  const label = `${opener} ${period.label}`;
  const length = 1 + match.length;
  switch (opener) {
    case 'since':
      return rangeMatch(period.from, null, label, length);
    case 'after':
      return rangeMatch(dayAfter(period.to), null, label, length);
    case 'before':
      return rangeMatch(null, dayBefore(period.from), label, length);
    case 'until':
      return rangeMatch(null, period.to, label, length);
  }
}

/** `2013-2016`, `2013..2016`, `Aug 2013 to Mar 2014`, or one period alone. */
function rangeOrPeriodAt(words: readonly string[], at: number, today: Day | null): DateExpressionMatch | null {
  const joined = joinedRangeAt(words[at], today);
  if (joined !== null) return joined;
  const span = spanAt(words, at, today, (word) => RANGE_SEPARATORS.has(word), 0);
  if (span !== null) return span;
  const match = periodAt(words, at, today);
  if (match === null) return null;
  if (match.kind === 'impossible') return { kind: 'not-a-date', length: match.length };
  return rangeMatch(match.period.from, match.period.to, match.period.label, match.length);
}

/** A range written as one word: `2013-2016`, `2013–2016`, `2013..2016`, `2013-08..2014-02`. */
function joinedRangeAt(word: string | undefined, today: Day | null): DateExpressionMatch | null {
  if (word === undefined) return null;
  const years = /^(\d{4})-(\d{4})$/.exec(word);
  const parts = years ? [years[1] ?? '', years[2] ?? ''] : word.split(/\.\.|–|—/);
  if (parts.length !== 2) return null;
  const first = periodAt(parts, 0, today);
  const second = periodAt(parts, 1, today);
  if (first?.kind !== 'period' || first.length !== 1 || second?.kind !== 'period' || second.length !== 1) return null;
  return spanMatch(first.period, second.period, 1);
}

/** `<period> <separator> <period>`, starting at `at`, with `extra` words already read before it. */
function spanAt(
  words: readonly string[],
  at: number,
  today: Day | null,
  isSeparator: (word: string) => boolean,
  extra: number,
): DateExpressionMatch | null {
  const first = periodAt(words, at, today);
  if (first?.kind !== 'period') return null;
  const separator = words[at + first.length];
  if (separator === undefined || !isSeparator(separator)) return null;
  const second = periodAt(words, at + first.length + 1, today);
  if (second?.kind !== 'period') return null;
  return spanMatch(first.period, second.period, extra + first.length + 1 + second.length);
}

/** Reversed spans are read the right way round. */
function spanMatch(a: Period, b: Period, length: number): DateExpressionMatch {
  const [early, late] = a.from.getTime() <= b.from.getTime() ? [a, b] : [b, a];
  const to = late.to.getTime() >= early.to.getTime() ? late.to : early.to;
  const label = early.label === late.label ? early.label : `${early.label}–${late.label}`;
  return rangeMatch(early.from, to, label, length);
}

/** `7 Aug` or `Aug 7` with no year: that day in every year. */
function monthDayAt(words: readonly string[], at: number): DateExpressionMatch | null {
  const monthFirst = monthNumber(words[at]);
  const [month, day] =
    monthFirst !== null ? [monthFirst, parseDayOfMonth(words[at + 1])] : [monthNumber(words[at + 1]), parseDayOfMonth(words[at])];
  if (month === null || day === null) return null;
  if (!isMonthDay(month, day)) return { kind: 'not-a-date', length: 2 };
  const label = `${format(new Date(2000, month - 1, day), 'd MMM')}, any year`;
  return { kind: 'date', filter: { kind: 'month-day', month, day }, label, length: 2 };
}

function rangeMatch(from: Day | null, to: Day | null, label: string, length: number): DateExpressionMatch {
  return {
    kind: 'date',
    filter: { kind: 'range', range: { from: from && isoDay(from), to: to && isoDay(to) } },
    label,
    length,
  };
}
